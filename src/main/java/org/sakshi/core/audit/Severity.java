package org.sakshi.core.audit;

/**
 * How much a finding matters. {@code ERROR}: the custody story is broken or provably false (the CLI
 * exits 1). {@code WARNING}: a lab must look at it and explain it. {@code INFO}: context only.
 */
public enum Severity { ERROR, WARNING, INFO }
