package org.ethnicunity.platform.deadlines;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The moment of a new moon, by Jean Meeus, <i>Astronomical Algorithms</i> (2nd ed., 1998), chapter 49
 * ("Phases of the Moon"): accurate to well under a minute in this era. A lunar month begins on the
 * day, in China Standard Time, of its new moon, and ICU's Chinese calendar computes that moment less
 * precisely (minutes off): it starts 正月 of 2027 and of 2030 a day wrong. {@link StatutoryHolidays}
 * therefore takes from ICU which lunation a month is (the leap-month rules) and from here its first day.
 */
final class NewMoon {

    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
    private static final double SYNODIC_MONTH = 29.530588861;
    /** Julian Ephemeris Day of the mean new moon of 2000-01-06, lunation 0 of Meeus's count. */
    private static final double LUNATION_ZERO = 2451550.09766;
    private static final double UNIX_EPOCH_JULIAN_DAY = 2440587.5;

    /** Meeus's periodic terms for a new moon: coefficient, power of E, and multiples of M, M', F, Ω. */
    private static final double[][] TERMS = {
            {-0.40720, 0, 0, 1, 0, 0}, {0.17241, 1, 1, 0, 0, 0}, {0.01608, 0, 0, 2, 0, 0},
            {0.01039, 0, 0, 0, 2, 0}, {0.00739, 1, -1, 1, 0, 0}, {-0.00514, 1, 1, 1, 0, 0},
            {0.00208, 2, 2, 0, 0, 0}, {-0.00111, 0, 0, 1, -2, 0}, {-0.00057, 0, 0, 1, 2, 0},
            {0.00056, 1, 1, 2, 0, 0}, {-0.00042, 0, 0, 3, 0, 0}, {0.00042, 1, 1, 0, 2, 0},
            {0.00038, 1, 1, 0, -2, 0}, {-0.00024, 1, -1, 2, 0, 0}, {-0.00017, 0, 0, 0, 0, 1},
            {-0.00007, 0, 2, 1, 0, 0}, {0.00004, 0, 0, 2, -2, 0}, {0.00004, 0, 3, 0, 0, 0},
            {0.00003, 0, 1, 1, -2, 0}, {0.00003, 0, 0, 2, 2, 0}, {-0.00003, 0, 1, 1, 2, 0},
            {0.00003, 0, -1, 1, 2, 0}, {-0.00002, 0, -1, 1, -2, 0}, {-0.00002, 0, 1, 3, 0, 0},
            {0.00002, 0, 0, 4, 0, 0}};

    /** Meeus's additional (planetary) terms: coefficient, and the argument's constant and rate per lunation. */
    private static final double[][] PLANETARY = {
            {0.000325, 299.77, 0.107408}, {0.000165, 251.88, 0.016321}, {0.000164, 251.83, 26.651886},
            {0.000126, 349.42, 36.412478}, {0.000110, 84.66, 18.206239}, {0.000062, 141.74, 53.303771},
            {0.000060, 207.14, 2.453732}, {0.000056, 154.84, 7.306860}, {0.000047, 34.52, 27.261239},
            {0.000042, 207.19, 0.121824}, {0.000040, 291.34, 1.844379}, {0.000037, 161.72, 24.198154},
            {0.000035, 239.56, 25.513099}, {0.000023, 331.55, 3.592518}};

    private NewMoon() {
    }

    /** The day (China Standard Time) of the new moon nearest to {@code day}. */
    static LocalDate dayNear(LocalDate day) {
        double julianDay = day.toEpochDay() + UNIX_EPOCH_JULIAN_DAY + 0.5;
        long lunation = Math.round((julianDay - LUNATION_ZERO) / SYNODIC_MONTH);
        double universal = julianEphemerisDay(lunation) - deltaT(day.getYear()) / 86_400;
        long millis = Math.round((universal - UNIX_EPOCH_JULIAN_DAY) * 86_400_000);
        return Instant.ofEpochMilli(millis).atOffset(CHINA).toLocalDate();
    }

    /** The new moon of lunation {@code k}, in Terrestrial Time (Meeus 49.1 with the corrections of 49.4). */
    static double julianEphemerisDay(long k) {
        double t = k / 1236.85;
        double jde = LUNATION_ZERO + SYNODIC_MONTH * k + 0.00015437 * t * t - 0.000000150 * t * t * t
                + 0.00000000073 * t * t * t * t;
        double e = 1 - 0.002516 * t - 0.0000074 * t * t;
        double sun = Math.toRadians(2.5534 + 29.10535670 * k - 0.0000014 * t * t - 0.00000011 * t * t * t);
        double moon = Math.toRadians(201.5643 + 385.81693528 * k + 0.0107582 * t * t + 0.00001238 * t * t * t
                - 0.000000058 * t * t * t * t);
        double latitude = Math.toRadians(160.7108 + 390.67050284 * k - 0.0016118 * t * t - 0.00000227 * t * t * t
                + 0.000000011 * t * t * t * t);
        double node = Math.toRadians(124.7746 - 1.56375588 * k + 0.0020672 * t * t + 0.00000215 * t * t * t);
        for (double[] term : TERMS) {
            jde += term[0] * Math.pow(e, term[1])
                    * Math.sin(term[2] * sun + term[3] * moon + term[4] * latitude + term[5] * node);
        }
        for (int i = 0; i < PLANETARY.length; i++) {
            double[] term = PLANETARY[i];
            double argument = term[1] + term[2] * k - (i == 0 ? 0.009173 * t * t : 0);
            jde += term[0] * Math.sin(Math.toRadians(argument));
        }
        return jde;
    }

    /**
     * TT − UT in seconds: the polynomials of Espenak and Meeus (NASA, 2006) for 2005-2050 and 2050-2150,
     * used beyond their ranges too. There they are only an estimate (about 1.5 minutes off in 1900, far
     * more in distant centuries), which moves a new moon's day only when it falls that close to midnight.
     */
    static double deltaT(int year) {
        if (year < 2050) {
            double t = year - 2000;
            return 62.92 + 0.32217 * t + 0.005589 * t * t;
        }
        double u = (year - 1820) / 100.0;
        return -20 + 32 * u * u - 0.5628 * (2150 - year);
    }
}
