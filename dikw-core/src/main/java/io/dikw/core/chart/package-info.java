/** Headless PNG charts (XChart) for results people would rather look at than read. */
package io.dikw.core.chart;
