/**
 * Febrile neutropenia, CTCAE v5.0 ("Blood and lymphatic system disorders"), as specified in
 * {@code shared/clinical/CRITERIA.md} section 3: fever events, ANC pairing and the grade.
 */
@NullMarked
package org.toxwatch.monitoring.domain.febrileneutropenia;

import org.jspecify.annotations.NullMarked;
