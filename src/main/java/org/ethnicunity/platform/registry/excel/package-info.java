/**
 * The registry's Excel: the .xlsx reader ({@code XlsxImport}, with its limits {@code ImportSettings}) and
 * the streaming writer ({@link org.ethnicunity.platform.registry.excel.XlsxExport}, also used by the report
 * requests' workbook), the unit import ({@code UnitImport}, its API and page) and the import of the
 * national designations ({@code NationalImport}, {@code NationalDesignations}, its API and page), both
 * with the same upload page ({@code XlsxImportPage}). The lists' downloads are in
 * {@code registry.web}.
 */
package org.ethnicunity.platform.registry.excel;
