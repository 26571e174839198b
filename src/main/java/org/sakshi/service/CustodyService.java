package org.sakshi.service;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import org.sakshi.core.Actor;
import org.sakshi.core.CustodyEvent;
import org.sakshi.core.SakshiException;
import org.sakshi.core.TimestampSource;

/** The custody ledger of a case (custody-ledger.md). */
public final class CustodyService {
    /** Every event in seq order, exactly as stored. */
    public List<CustodyEvent> events(Path caseDir) throws SakshiException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Recomputes every hash and link; never throws for a broken chain, the status says what is wrong. */
    public LedgerStatus verify(Path caseDir) throws SakshiException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Records a hand-over (TRANSFERRED, one event per item, or one case-level event when no items). */
    public List<CustodyEvent> transfer(Path caseDir, Actor actor, TransferRequest request) throws SakshiException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Records a NOTE. */
    public CustodyEvent note(Path caseDir, Actor actor, String text, List<String> items) throws SakshiException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Obtains a token over the head hash and records LEDGER_ANCHORED; TimestampException when no TSA answers. */
    public CustodyEvent anchor(Path caseDir, Actor actor, List<TimestampSource> tsas) throws SakshiException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Writes the ledger as JSONL, one event per line exactly as stored (with hash). */
    public void writeJsonl(Path caseDir, OutputStream out) throws SakshiException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Writes the ledger as CSV for spreadsheets. */
    public void writeCsv(Path caseDir, OutputStream out) throws SakshiException {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
