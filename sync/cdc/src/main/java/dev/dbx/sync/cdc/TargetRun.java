package dev.dbx.sync.cdc;

/**
 * How one target's applier ran, beside its figures: how often it waited and tried a batch again, and why the last time;
 * and why it ended, if it ended on its own.
 *
 * @param target the target's name
 * @param retries times a batch was tried again after the target (or Kafka) failed it as a whole
 * @param lastRetryReason the failure before the last retry, or null
 * @param failure why the applier stopped before it was asked to (e.g. Kafka refused its credentials), or null
 */
public record TargetRun(String target, long retries, String lastRetryReason, String failure) {}
