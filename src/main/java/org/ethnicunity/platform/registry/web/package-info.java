/**
 * The registry read by people and integrators: the JSON API ({@code RegistryController}:
 * {@code /api/units}, {@code /api/campaigns}, {@code /api/designations}; {@code RegistryViewsController}:
 * the paged lists under {@code /api/registry}), the Chinese pages under {@code /registry}
 * ({@code RegistryListPage}), the lists' queries ({@code DesignationList}, {@code UnitList},
 * {@code ProgressList}) with their filters ({@code ListParams}), paging and the person's scope
 * ({@code RegistryScope}), and the lists as .xlsx ({@code RegistryExports}). Nothing outside the
 * registry uses this package. The page of one designation ({@code registry.DesignationPage}) still
 * lives in the top package, beside the records of the lifecycles it shows ({@code DesignationRecords}).
 */
package org.ethnicunity.platform.registry.web;
