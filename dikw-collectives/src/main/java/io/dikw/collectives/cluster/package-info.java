/**
 * A real multi-process Apache Storm cluster on this machine: ZooKeeper, Nimbus and Supervisors as
 * separate JVMs started from the jars the build already resolved, with a materialized Storm home
 * so that supervisors can launch worker JVMs. {@link io.dikw.collectives.cluster.LocalStormCluster}
 * starts, inspects and stops one; everything it runs is recorded under the cluster's directory
 * (configuration, logs, pid files) so that a later command can find and stop exactly those processes.
 */
package io.dikw.collectives.cluster;
