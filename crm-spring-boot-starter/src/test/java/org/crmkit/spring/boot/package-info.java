/** Tests of the Spring Boot auto-configuration: without a database, and on the embedded MariaDB ({@code *IT}). */
package org.crmkit.spring.boot;
