package io.blockwise.fuzz;

import io.blockwise.scenario.Scenario;

/**
 * Two scenarios that must sound the same, byte for byte: {@code kind} names the relation
 * ({@code "commutation"}, {@code "equivalence"}), {@code description} what differs between them.
 */
public record ScenarioPair(String kind, String description, Scenario a, Scenario b) {
}
