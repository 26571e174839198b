package org.sakshi.service;

/**
 * The services both faces use, each made by the application at its first use: an accessor may be
 * slow once, and a service that cannot be made throws from its accessor, each time it is asked for.
 * The command line ({@code CommandFactory.Services}) and the windows ({@code UiServices}) extend it
 * with what only they need.
 */
public interface Services {
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

    /** The lab-server service ({@code server}, {@code case init --server}, {@code case move}, lab audit). */
    LabService lab();
}
