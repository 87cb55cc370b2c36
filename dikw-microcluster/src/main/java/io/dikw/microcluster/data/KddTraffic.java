package io.dikw.microcluster.data;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Per-class traffic profiles for the KDD'99-shaped generator: how connections of each class look
 * (protocol, service, flag, byte counts, counters, rates), and how often and in how long bursts
 * the class appears. Counts are those of the 10% file; burst lengths make smurf and neptune
 * arrive in long runs as there.
 *
 * @param label     the class
 * @param count     records in the 10% file (sets its share)
 * @param meanBurst mean burst length in records
 * @param protocol  tcp, udp or icmp
 * @param services  services it uses
 * @param flags     connection flags it shows
 * @param srcBytes  median source bytes (log-normal around it)
 * @param dstBytes  median destination bytes (0: none)
 * @param bytesSigma spread of the log-normal byte counts (heavy tails)
 * @param count0    typical "count" (connections to the same host in 2 s, up to 511)
 * @param serror    typical SYN-error rate
 * @param rerror    typical REJ-error rate
 * @param sameSrv   typical same-service rate
 * @param hostCount typical dst_host_count (up to 255)
 * @param loggedIn  probability of logged_in = 1
 * @param hot       probability of "hot" indicators and other content counters
 */
record KddTraffic(String label, int count, double meanBurst, String protocol, List<String> services,
    List<String> flags, double srcBytes, double dstBytes, double bytesSigma, double count0, double serror,
    double rerror, double sameSrv, double hostCount, double loggedIn, double hot) {

    /** The 23 classes of the 10% file. */
    static final List<KddTraffic> CLASSES = List.of(
        new KddTraffic("smurf", 280_790, 25_000, "icmp", List.of("ecr_i"), List.of("SF"), 1032, 0, 0.3, 511, 0, 0, 1,
            255, 0, 0),
        new KddTraffic("neptune", 107_201, 12_000, "tcp", List.of("private", "telnet", "http", "ftp_data", "other"),
            List.of("S0", "REJ"), 0, 0, 0, 200, 0.95, 0.05, 0.05, 255, 0, 0),
        new KddTraffic("normal", 97_278, 1_500, "tcp", List.of("http", "smtp", "ftp_data", "domain_u", "private",
            "ftp", "other"), List.of("SF", "SF", "SF", "REJ", "S1"), 250, 1500, 1.6, 8, 0.01, 0.05, 0.95, 120, 0.7,
            0.02),
        new KddTraffic("back", 2_203, 400, "tcp", List.of("http"), List.of("SF", "RSTR"), 54_540, 8_314, 0.1, 5, 0,
            0, 1, 255, 1, 0.9),
        new KddTraffic("satan", 1_589, 300, "tcp", List.of("other", "private", "telnet", "finger"),
            List.of("REJ", "S0", "RSTO", "SF"), 1, 1, 2, 30, 0.1, 0.6, 0.1, 250, 0, 0),
        new KddTraffic("ipsweep", 1_247, 200, "icmp", List.of("eco_i", "ecr_i"), List.of("SF"), 18, 0, 0.5, 1, 0, 0,
            1, 40, 0, 0),
        new KddTraffic("portsweep", 1_040, 200, "tcp", List.of("private", "other"), List.of("REJ", "RSTR", "SH"), 0,
            0, 1, 1, 0.05, 0.9, 0.2, 5, 0, 0),
        new KddTraffic("warezclient", 1_020, 150, "tcp", List.of("ftp_data", "ftp"), List.of("SF"), 300_000, 0, 1.5,
            1, 0, 0, 1, 100, 1, 0.5),
        new KddTraffic("teardrop", 979, 150, "udp", List.of("private"), List.of("SF"), 28, 0, 0, 80, 0, 0, 1, 255, 0,
            0),
        new KddTraffic("pod", 264, 60, "icmp", List.of("ecr_i"), List.of("SF"), 1480, 0, 0, 1, 0, 0, 1, 255, 0, 0),
        new KddTraffic("nmap", 231, 60, "tcp", List.of("private", "other"), List.of("SH", "S0", "SF"), 0, 0, 1, 1,
            0.3, 0.1, 0.5, 60, 0, 0),
        new KddTraffic("guess_passwd", 53, 20, "tcp", List.of("telnet"), List.of("RSTO", "SF"), 125, 180, 0.2, 1, 0,
            0.5, 1, 40, 0, 0.1),
        new KddTraffic("buffer_overflow", 30, 5, "tcp", List.of("telnet", "ftp_data"), List.of("SF"), 1_500, 3_000,
            1.0, 1, 0, 0, 1, 10, 1, 1),
        new KddTraffic("land", 21, 5, "tcp", List.of("finger", "telnet"), List.of("S0"), 0, 0, 0, 1, 1, 0, 1, 100, 0,
            0),
        new KddTraffic("warezmaster", 20, 5, "tcp", List.of("ftp"), List.of("SF"), 50_000, 8_000, 2, 1, 0, 0, 1, 50,
            1, 0.5),
        new KddTraffic("imap", 12, 4, "tcp", List.of("imap4"), List.of("SH", "S0", "SF"), 50, 0, 1, 3, 0.4, 0, 1,
            200, 0, 0),
        new KddTraffic("rootkit", 10, 3, "tcp", List.of("telnet", "ftp_data"), List.of("SF"), 700, 1_000, 1, 1, 0, 0,
            1, 20, 1, 1),
        new KddTraffic("loadmodule", 9, 3, "tcp", List.of("telnet"), List.of("SF"), 1_000, 2_000, 1, 1, 0, 0, 1, 10,
            1, 1),
        new KddTraffic("ftp_write", 8, 3, "tcp", List.of("ftp", "ftp_data"), List.of("SF"), 300, 200, 1, 1, 0, 0, 1,
            15, 1, 1),
        new KddTraffic("multihop", 7, 3, "tcp", List.of("telnet", "ftp_data"), List.of("SF"), 500, 5_000, 1.5, 1, 0,
            0, 1, 10, 1, 1),
        new KddTraffic("phf", 4, 2, "tcp", List.of("http"), List.of("SF"), 51, 8_127, 0.1, 1, 0, 0, 1, 5, 1, 1),
        new KddTraffic("perl", 3, 2, "tcp", List.of("telnet"), List.of("SF"), 700, 1_500, 0.5, 1, 0, 0, 1, 5, 1, 1),
        new KddTraffic("spy", 2, 2, "tcp", List.of("telnet"), List.of("SF"), 1_000, 20_000, 1, 1, 0, 0, 1, 5, 1, 1));

    /**
     * Writes one record of this class (41 attributes and the label with its trailing dot).
     *
     * @param r   randomness
     * @param out the line being built
     */
    void write(final SplittableRandom r, final StringBuilder out) {
        final boolean content = r.nextDouble() < hot;
        final boolean tcp = "tcp".equals(protocol);
        final double duration = content || (tcp && r.nextDouble() < 0.05) ? Math.floor(lognormal(r, 20, 2)) : 0;
        final long src = srcBytes == 0 ? (r.nextDouble() < 0.02 ? (long) lognormal(r, 100, 2) : 0)
            : Math.round(lognormal(r, srcBytes, bytesSigma));
        final long dst = dstBytes == 0 ? 0 : Math.round(lognormal(r, dstBytes, bytesSigma));
        final int count = (int) clamp(Math.round(count0 * (0.7 + 0.6 * r.nextDouble()) + (r.nextDouble() < 0.1 ? 20
            * r.nextDouble() : 0)), 0, 511);
        final int srvCount = (int) clamp(Math.round(count * sameSrv + r.nextDouble() * 3), 0, 511);
        final double serrorRate = rate(r, serror);
        final double rerrorRate = rate(r, rerror);
        final double sameSrvRate = rate(r, sameSrv);
        final int hosts = (int) clamp(Math.round(this.hostCount * (0.6 + 0.4 * r.nextDouble())), 0, 255);
        final int hostSrvCount = (int) clamp(Math.round(hosts * sameSrv * (0.8 + 0.2 * r.nextDouble())), 0, 255);
        out.append(fmt(duration)).append(',').append(protocol).append(',')
            .append(services.get(r.nextInt(services.size()))).append(',').append(flags.get(r.nextInt(flags.size())))
            .append(',').append(src).append(',').append(dst).append(',')
            .append("land".equals(label) ? 1 : 0).append(',')
            .append("teardrop".equals(label) || "pod".equals(label) ? 1 + r.nextInt(3) : 0).append(',')
            .append(content && r.nextDouble() < 0.05 ? 1 : 0).append(',')
            .append(content ? r.nextInt(1, 30) : 0).append(',')
            .append("guess_passwd".equals(label) ? 1 : 0).append(',')
            .append(r.nextDouble() < loggedIn ? 1 : 0).append(',')
            .append(content ? r.nextInt(0, 5) : 0).append(',')
            .append(content && r.nextDouble() < 0.3 ? 1 : 0).append(',')
            .append(0).append(',')
            .append(content ? r.nextInt(0, 4) : 0).append(',')
            .append(content ? r.nextInt(0, 3) : 0).append(',')
            .append(content && r.nextDouble() < 0.2 ? 1 : 0).append(',')
            .append(content ? r.nextInt(0, 2) : 0).append(',')
            .append(0).append(',') // num_outbound_cmds: always 0 in the data
            .append(0).append(',')
            .append("warezclient".equals(label) || "warezmaster".equals(label) ? 1 : 0).append(',')
            .append(count).append(',').append(srvCount).append(',')
            .append(fmt(serrorRate)).append(',').append(fmt(rate(r, serrorRate))).append(',')
            .append(fmt(rerrorRate)).append(',').append(fmt(rate(r, rerrorRate))).append(',')
            .append(fmt(sameSrvRate)).append(',').append(fmt(rate(r, 1 - sameSrvRate) * 0.5)).append(',')
            .append(fmt(rate(r, tcp ? 0.05 : 0))).append(',')
            .append(hosts).append(',').append(hostSrvCount).append(',')
            .append(fmt(rate(r, sameSrv))).append(',').append(fmt(rate(r, (1 - sameSrv) * 0.3))).append(',')
            .append(fmt(rate(r, "smurf".equals(label) || "ipsweep".equals(label) ? 1 : 0.1))).append(',')
            .append(fmt(rate(r, 0.02))).append(',')
            .append(fmt(rate(r, serror))).append(',').append(fmt(rate(r, serror))).append(',')
            .append(fmt(rate(r, rerror))).append(',').append(fmt(rate(r, rerror))).append(',')
            .append(label).append('.');
    }

    /** A rate near {@code mean}: mostly exactly it (as in the data), sometimes perturbed; in [0, 1]. */
    private static double rate(final SplittableRandom r, final double mean) {
        final double u = r.nextDouble();
        if (u < 0.8) {
            return clamp(Math.round(mean * 100) / 100.0, 0, 1);
        }
        return clamp(Math.round((mean + (r.nextDouble() - 0.5) * 0.4) * 100) / 100.0, 0, 1);
    }

    private static double lognormal(final SplittableRandom r, final double median, final double sigma) {
        return median * Math.exp(sigma * gaussian(r));
    }

    private static double gaussian(final SplittableRandom r) {
        final double u = 1 - r.nextDouble();
        final double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private static double clamp(final double v, final double lo, final double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static String fmt(final double v) {
        if (v == Math.rint(v) && Math.abs(v) > 1) {
            return Long.toString((long) v);
        }
        final long hundredths = Math.round(v * 100);
        return (hundredths / 100) + "." + (hundredths % 100 < 10 ? "0" : "") + (hundredths % 100);
    }
}
