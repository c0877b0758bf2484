package org.portzero.reports.matrix;

import java.util.Map;

/**
 * A matrix row: one check id and its cell on every platform that ran it.
 *
 * @param id       {@code family.variant.check}
 * @param family   the check family
 * @param variant  the variant
 * @param check    the check
 * @param layer    the layer (socket, nio, async, libc)
 * @param disagree whether the platforms' cells differ in verdict or short-form outcome
 * @param cells    platform id → cell; a platform without this check has no entry
 */
public record MatrixRow(
        String id,
        String family,
        String variant,
        String check,
        String layer,
        boolean disagree,
        Map<String, MatrixCell> cells) {
}
