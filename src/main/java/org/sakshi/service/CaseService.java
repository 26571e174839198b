package org.sakshi.service;

import java.nio.file.Path;
import java.util.List;
import org.sakshi.core.CaseInfo;
import org.sakshi.core.SakshiException;

/** Creating, opening and listing cases. A case is a folder: case.db, vault/, exports/. */
public final class CaseService {
    /** Creates the case folder and its store, and records CASE_CREATED. Refuses a folder that already holds a case. */
    public CaseInfo create(Path caseDir, NewCase request) throws SakshiException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Reads a case's metadata; InputException when the folder is not a case, StorageException for a newer schema. */
    public CaseInfo open(Path caseDir) throws SakshiException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The cases directly inside a workspace folder, most recent activity first. Unreadable folders are skipped. */
    public List<CaseSummary> list(Path workspace) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
