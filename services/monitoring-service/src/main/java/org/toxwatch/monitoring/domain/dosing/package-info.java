/**
 * Label-driven dose decisions: the inotuzumab ozogamicin (BESPONSA) pre-dose decision of CRITERIA.md 8.2 and the
 * blinatumomab (BLINCYTO) action rules of 9.1.
 */
@NullMarked
package org.toxwatch.monitoring.domain.dosing;

import org.jspecify.annotations.NullMarked;
