/** R-MAT synthetic edge streams (Graph500 parameters), the standard load for streaming graph stores. */
package io.dikw.graph.rmat;
