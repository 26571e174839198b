package org.sakshi.cli;

import org.sakshi.app.AppContext;
import org.sakshi.bundle.BundleChecks;
import org.sakshi.report.PadesSigner;
import org.sakshi.service.AuditService;

/** Builds the AuditService from the context's services and the engine's chain and token verifiers. */
final class AuditWiring {
    private AuditWiring() {
    }

    static AuditService service(AppContext ctx) {
        BundleChecks.Ledger chain = jsonl -> {
            throw new UnsupportedOperationException("chain verification not wired yet");
        };
        AuditService.TokenTimes tokens = (der, sha256) -> null;
        return new AuditService(ctx.cases(), ctx.custody(), ctx.evidence(), chain, tokens, new PadesSigner());
    }
}
