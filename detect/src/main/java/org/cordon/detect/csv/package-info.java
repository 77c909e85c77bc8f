/** Line-numbered reading of the small CSV files analysts maintain (hash lists, lexicons). */
package org.cordon.detect.csv;
