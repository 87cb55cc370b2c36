package io.dikw.app.social;

import io.dikw.social.parallel.SyncStrategy;
import io.dikw.social.storm.SocialTopologyConfig;
import picocli.CommandLine.Option;

/** How the parallel (Storm) engine runs: bolts, sync channel, pacing, live HTTP API. */
public final class ParallelOptions {
    @Option(names = {"-p", "--parallelism"}, paramLabel = "N", defaultValue = "2",
        description = "Clustering bolts in the Storm topology; default: ${DEFAULT-VALUE}.")
    int parallelism;

    @Option(names = "--sync", paramLabel = "STRATEGY", defaultValue = "delta",
        description = "What bolts receive after each batch: delta (only the changes) or full (every centroid); "
            + "default: ${DEFAULT-VALUE}.")
    SyncStrategy sync;

    @Option(names = "--batch", paramLabel = "PROTOMEMES", defaultValue = "2048",
        description = "Protomemes per bolt between syncs (a sync also ends every time step); default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--broker", paramLabel = "URL",
        description = "An external Artemis broker, e.g. tcp://host:61616; by default one starts embedded, in-process.")
    String broker;

    @Option(names = "--replay", paramLabel = "MODE", defaultValue = "fast",
        description = "Pacing of the input: fast (as fast as possible), rate (--replay-value tweets/s) or speedup "
            + "(recorded timestamps sped up by --replay-value); default: ${DEFAULT-VALUE}.")
    SocialTopologyConfig.Replay replay;

    @Option(names = "--replay-value", paramLabel = "X", defaultValue = "0",
        description = "Tweets per second for --replay rate, or the speed-up factor for --replay speedup.")
    double replayValue;

    @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "7070",
        description = "Serve the latest clusters live on http://HOST:PORT/ (GET /api/social/clusters, "
            + "/api/social/stats); 0 picks a free port, -1 turns it off; default: ${DEFAULT-VALUE}.")
    int httpPort;

    @Option(names = "--http-host", paramLabel = "HOST", defaultValue = "127.0.0.1",
        description = "Address the HTTP API binds; default: ${DEFAULT-VALUE} (this machine only).")
    String httpHost;

    @Option(names = "--submit", paramLabel = "NIMBUS_HOST[:PORT]|DIR",
        description = "Submit the same topology to a running Storm cluster (Nimbus address, or the directory of a "
            + "cluster from './dikw storm-cluster start') instead of running it embedded; paths "
            + "must exist on the cluster's machines and --broker must be reachable from them.")
    String submit;

    @Option(names = "--submit-workers", paramLabel = "W", defaultValue = "2",
        description = "Worker processes to ask for with --submit; default: ${DEFAULT-VALUE}.")
    int submitWorkers;
}
