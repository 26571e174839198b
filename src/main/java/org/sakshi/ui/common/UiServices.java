package org.sakshi.ui.common;

import java.util.Objects;
import org.sakshi.service.AuditService;
import org.sakshi.service.CaseService;
import org.sakshi.service.CustodyService;
import org.sakshi.service.EvidenceService;
import org.sakshi.service.ExportService;
import org.sakshi.service.IdentityService;
import org.sakshi.service.ImportService;
import org.sakshi.service.LabService;
import org.sakshi.service.ReceiveService;
import org.sakshi.service.SampleCaseService;
import org.sakshi.service.TimestampService;
import org.sakshi.service.VerifyService;

/**
 * The services the workstation's windows use, wired by the application ({@code org.sakshi.app}) and
 * handed down in the {@link Workbench}. Only views read it, to give each view model the few services
 * it uses by constructor; view models never see this record.
 */
public record UiServices(CaseService cases, ImportService imports, EvidenceService evidence, CustodyService custody,
                         ExportService exports, VerifyService verifier, AuditService audits,
                         IdentityService identities, TimestampService timestamps, SampleCaseService samples,
                         ReceiveService receiver, LabService lab) {
    public UiServices {
        Objects.requireNonNull(cases, "cases");
        Objects.requireNonNull(imports, "imports");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(custody, "custody");
        Objects.requireNonNull(exports, "exports");
        Objects.requireNonNull(verifier, "verifier");
        Objects.requireNonNull(audits, "audits");
        Objects.requireNonNull(identities, "identities");
        Objects.requireNonNull(timestamps, "timestamps");
        Objects.requireNonNull(samples, "samples");
        Objects.requireNonNull(receiver, "receiver");
        Objects.requireNonNull(lab, "lab");
    }
}
