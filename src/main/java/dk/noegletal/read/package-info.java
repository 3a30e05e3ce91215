/**
 * The plumbing every read of the API shares: the revision a request reads ({@code asOf}, or the newest import), the
 * conditional GET with ETags, and the cache of whole answers. Every write counts in the data version in one place
 * ({@link dk.noegletal.common.DataVersion}), so no write can leave a cached answer stale.
 */
package dk.noegletal.read;
