/**
 * The designation's state machine: {@link org.ethnicunity.platform.registry.designation.DesignationTransitions}
 * says which state may follow which, and
 * {@link org.ethnicunity.platform.registry.designation.ProcedureEndGuard} puts a title back to NAMED when
 * the process instance of its re-inspection or exit ends without closing it. Every change of state goes
 * through {@link org.ethnicunity.platform.registry.RegistryService}, which asks the transitions first;
 * the running procedures are recorded by {@link org.ethnicunity.platform.registry.DynamicProcedures},
 * which stays in the registry's top package so that only the service writes them.
 */
package org.ethnicunity.platform.registry.designation;
