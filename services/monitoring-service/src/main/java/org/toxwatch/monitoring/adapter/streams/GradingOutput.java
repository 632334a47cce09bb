package org.toxwatch.monitoring.adapter.streams;

/**
 * One record the grading processor emits, already written: the topic it goes to and its bytes. Writing happens
 * inside the processor, so an event whose assessment or state cannot be written is dead-lettered there instead
 * of failing in the sink, where it would stop the stream.
 */
record GradingOutput(String topic, byte[] value) {}
