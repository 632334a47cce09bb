package org.toxwatch.alerting.alert.domain;

import org.toxwatch.model.AlertChanged;

/**
 * A transition of an alert episode with its place among the episode's transitions: the n-th is numbered n. The audit
 * trail orders by it, since transitions made in one go (a batch applied in memory) can share their instant.
 */
public record SequencedTransition(int sequence, AlertChanged event) {}
