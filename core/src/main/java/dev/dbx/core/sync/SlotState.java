package dev.dbx.core.sync;

/**
 * A replication slot as the source reports it, for {@code dbx sync status}.
 *
 * @param slot the slot's name
 * @param active whether a capture is connected to it now
 * @param confirmedFlushLsn the position up to which the capture has confirmed it consumed the log, e.g. "0/16B3748"
 *     (empty before it confirmed anything)
 * @param retainedWalBytes how much log the source keeps for the slot: from its restart position to the current one
 */
public record SlotState(String slot, boolean active, String confirmedFlushLsn, long retainedWalBytes) {}
