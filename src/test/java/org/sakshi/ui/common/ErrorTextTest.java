package org.sakshi.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.sakshi.core.CaseBusyException;
import org.sakshi.core.InputException;

class ErrorTextTest {
    @Test
    void ourSentenceIsShownAndTheStackTraceOnlyInTheDetails() {
        ErrorText t = ErrorText.of("Importing chat.txt",
                new InputException("cannot read /evidence/chat.txt: permission denied; check the file"));
        assertEquals("Cannot read /evidence/chat.txt: permission denied; check the file", t.message());
        assertTrue(t.headline().startsWith("Importing chat.txt: "));
        assertFalse(t.message().contains("at org."));
        assertTrue(t.details().contains("InputException"));
    }

    @Test
    void aWrappedSakshiExceptionIsFoundBehindTheTaskWrapper() {
        ErrorText t = ErrorText.of("Opening", new ExecutionException(new CaseBusyException("case.db is locked by another import; wait")));
        assertEquals("Case.db is locked by another import; wait", t.message());
        assertTrue(t.headline().contains(Messages.get("error.busy")));
    }

    @Test
    void anUnexpectedErrorSaysWhatToDoInsteadOfItsRawMessage() {
        ErrorText t = ErrorText.of("Reading", new NullPointerException("Cannot invoke \"x\" because y is null"));
        assertEquals(Messages.get("error.unexpected.todo"), t.message());
        assertTrue(t.details().contains("NullPointerException"));
    }
}
