/**
 * Every statistics table as data: tables, dimensions with their member trees, measures with the kind that decides
 * the arithmetic on them, the store of their versioned observations, and the figures and rankings of any table. The
 * målgruppe table of the key-figure appendix is one of them, curated and shipped with the service.
 */
package dk.noegletal.table;
