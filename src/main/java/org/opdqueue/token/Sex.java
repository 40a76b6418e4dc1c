package org.opdqueue.token;

public enum Sex {
    MALE,
    FEMALE,
    OTHER
}
