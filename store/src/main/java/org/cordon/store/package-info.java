/**
 * The system of record on PostgreSQL: {@link org.cordon.store.Database} starts or connects to the
 * server and migrates the schema (Flyway, {@code db/migration}); {@link org.cordon.store.Stores}
 * implements the core ports on it, with evidence bytes as content-addressed files;
 * {@link org.cordon.store.DatabaseCommand} is {@code cordon db migrate|info}.
 */
package org.cordon.store;
