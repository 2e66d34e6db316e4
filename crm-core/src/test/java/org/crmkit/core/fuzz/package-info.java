/**
 * Internal to crmkit's tests: the fuzz test over every public use case (issue 17), its world, generators, write watch
 * and read-back rules.
 */
package org.crmkit.core.fuzz;
