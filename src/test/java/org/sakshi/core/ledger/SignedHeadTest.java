package org.sakshi.core.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Reading a signed-head line: a line in canonical form is read by the streaming parser, anything else
 * by data binding as before, with the same verdicts and messages.
 */
class SignedHeadTest {
    private static final SignedHead HEAD = new SignedHead("6f1c2a9e-0000-4000-8000-000000000001", 42,
            "ab".repeat(32), "2026-11-30T20:00:00.123Z", "cd".repeat(32), "Ed25519",
            "c2lnbmF0dXJl\u00e9/+==");

    private static String refused(String line) {
        return assertThrows(IllegalArgumentException.class, () -> SignedHead.parse(line), line).getMessage();
    }

    @Test
    void aCanonicalLineReadsBackToTheSameHead() {
        assertEquals(HEAD, SignedHead.parse(HEAD.toLine()));
        SignedHead escaped = new SignedHead("case \"quoted\" \\ \n\t\u0001 \u0928", 7, "", "", "k",
                "a", "s");
        assertEquals(escaped, SignedHead.parse(escaped.toLine()));
    }

    @Test
    void aLineNotInCanonicalFormIsRefusedWithTheMessageItHadBefore() {
        String line = HEAD.toLine();
        String notCanonical = "it is not in the canonical form Sakshi writes (extra, missing or reordered members)";
        assertEquals(notCanonical, refused(line.replace("{\"alg\"", "{ \"alg\"")));
        assertEquals(notCanonical, refused(line.replace("}", ",\"extra\":\"x\"}")));
        assertEquals(notCanonical, refused(line.replace("}", ",\"sig\":\"again\"}")));
        assertEquals(notCanonical, refused(line.replace("\"seq\":42", "\"seq\":42,\"seq\":42")));
        assertEquals(notCanonical, refused("{\"case_id\":\"c\",\"alg\":\"a\",\"at\":\"t\",\"head\":\"h\",\"key\":\"k\","
                + "\"seq\":1,\"sig\":\"s\"}"));
        assertEquals(notCanonical, refused(line.replace("\"seq\":42", "\"seq\":42000000000000000000")));
        assertEquals("seq is missing or not an integer", refused(line.replace("\"seq\":42", "\"seq\":42.0")));
        assertEquals("seq is missing or not an integer", refused(line.replace("\"seq\":42", "\"seq\":\"42\"")));
        assertEquals("seq is missing or not an integer", refused(line.replace(",\"seq\":42", "")));
        assertEquals("sig is missing or not a string", refused(line.replaceAll(",\"sig\":\"[^\"]*\"", "")));
        assertEquals("key is missing or not a string", refused(line.replaceAll("\"key\":\"[^\"]*\"", "\"key\":7")));
        assertEquals("not a JSON object", refused("[1]"));
        assertEquals("not a JSON object", refused("\"text\""));
        assertEquals(notCanonical, refused(line + " x"));
        assertEquals(true, refused(line.substring(0, line.length() - 1)).startsWith("not JSON (Unexpected end-of-input"));
        assertEquals(true, refused("{\"alg\":NaN}").startsWith("not JSON (Non-standard token 'NaN'"));
    }
}
