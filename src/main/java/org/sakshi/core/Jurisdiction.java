package org.sakshi.core;

/** Where the case will be heard; selects the default certificate template. */
public enum Jurisdiction { IN, US, NP, BD, OTHER }
