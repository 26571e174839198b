package org.sakshi.ui.common;

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
 * it uses by constructor; view models never see this interface. The application makes a service at
 * its first use (the start window needs only a few), so an accessor may be slow once; a service
 * that cannot be made throws from its accessor, each time it is asked for.
 */
public interface UiServices {
    CaseService cases();

    ImportService imports();

    EvidenceService evidence();

    CustodyService custody();

    ExportService exports();

    VerifyService verifier();

    AuditService audits();

    IdentityService identities();

    TimestampService timestamps();

    SampleCaseService samples();

    ReceiveService receiver();

    LabService lab();
}
