package dev.dbx.core.capability;

/**
 * What order entry finds loaded: how many rows the workload can draw from, and where new order keys begin.
 *
 * @param orders orders in the table when the run starts
 * @param highestOrderKey the highest order key in the table (new orders get higher ones)
 * @param customers customers (keys 1..customers, as TPC-H numbers them)
 * @param parts parts (keys 1..parts)
 * @param nations nations (keys 0..nations-1)
 */
public record OrderEntryData(long orders, long highestOrderKey, long customers, long parts, int nations) {}
