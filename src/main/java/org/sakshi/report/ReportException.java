package org.sakshi.report;

import org.sakshi.core.SakshiException;

/** A PDF could not be written, read or signed; the message names the document and says what to do. */
public class ReportException extends SakshiException {
    public ReportException(String message) {
        super(message);
    }

    public ReportException(String message, Throwable cause) {
        super(message, cause);
    }
}
