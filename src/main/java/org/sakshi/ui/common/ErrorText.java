package org.sakshi.ui.common;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.sakshi.core.CancelledException;
import org.sakshi.core.CaseBusyException;
import org.sakshi.core.InputException;
import org.sakshi.core.IntegrityException;
import org.sakshi.core.SakshiException;
import org.sakshi.core.SigningException;
import org.sakshi.core.StorageException;
import org.sakshi.core.TimestampException;

/**
 * What an error dialog says: a headline naming what happened, the sentence from the exception (our
 * exceptions name the file or item and say what to do) or a generic what-to-do, and the technical
 * details (hidden until expanded). Pure, so it is tested without a screen.
 */
public record ErrorText(String headline, String message, String details) {

    public static ErrorText of(String action, Throwable t) {
        Throwable root = unwrap(t);
        String key;
        if (root instanceof CancelledException) {
            key = "error.cancelled";
        } else if (root instanceof CaseBusyException) {
            key = "error.busy";
        } else if (root instanceof InputException) {
            key = "error.input";
        } else if (root instanceof IntegrityException) {
            key = "error.integrity";
        } else if (root instanceof TimestampException) {
            key = "error.timestamp";
        } else if (root instanceof SigningException) {
            key = "error.signing";
        } else if (root instanceof StorageException) {
            key = "error.storage";
        } else if (root instanceof SakshiException) {
            key = "error.sakshi";
        } else {
            key = "error.unexpected";
        }
        String headline = Messages.get("error.headline", action, Messages.get(key));
        String message = root instanceof SakshiException && root.getMessage() != null
                ? capitalize(root.getMessage())
                : Messages.get("error.unexpected.todo");
        StringWriter trace = new StringWriter();
        if (t != null) {
            t.printStackTrace(new PrintWriter(trace));
        }
        return new ErrorText(headline, message, trace.toString());
    }

    /** Task and reflection wrappers hide our exception; look through them for the one with the sentence. */
    static Throwable unwrap(Throwable t) {
        Throwable c = t;
        for (int i = 0; c != null && i < 10; i++) {
            if (c instanceof SakshiException) {
                return c;
            }
            c = c.getCause();
        }
        return t;
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
