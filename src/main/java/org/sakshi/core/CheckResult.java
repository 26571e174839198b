package org.sakshi.core;

/**
 * Result of one check. A WARNING is shown to the reader; it leaves the verdict alone only for an
 * {@link CheckCode#advisory() advisory} code and otherwise counts as INDETERMINATE ({@link Verdicts#of}).
 */
public enum CheckResult { PASSED, FAILED, INDETERMINATE, WARNING }
