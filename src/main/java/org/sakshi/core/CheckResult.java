package org.sakshi.core;

/** Result of one check. WARNING never changes the verdict; it is shown to the reader. */
public enum CheckResult { PASSED, FAILED, INDETERMINATE, WARNING }
