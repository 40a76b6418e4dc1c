package org.opdqueue.api.counter;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.opdqueue.counter.CounterState;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record CounterView(long id, String code, String name, CounterState state, List<String> serviceCodes,
        CurrentToken currentToken) {

    public record CurrentToken(long id, String number, String status) {
    }
}
