/** The one-command local run. */
@NullMarked
package org.toxwatch.launcher;

import org.jspecify.annotations.NullMarked;
