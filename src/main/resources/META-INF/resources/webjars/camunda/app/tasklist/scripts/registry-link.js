// 登记库 in Tasklist's header, beside 发起流程: the registry's pages (/registry/designations) run on the
// same login, so a commission official goes from the task list to the lists, exports and dossiers.
// A Tasklist plugin (config.js customScripts) at the navbar plugin point, no framework needed.
export default {
  id: 'registry-link',
  pluginPoint: 'tasklist.navbar.action',
  priority: 200,
  render: (node) => {
    // app-root is the web apps' path, e.g. /camunda (or /ctx/camunda behind a context path); the
    // registry's pages sit beside it.
    const appRoot = document.querySelector('base').getAttribute('app-root') || '/camunda';
    const link = document.createElement('a');
    link.href = appRoot.substring(0, appRoot.lastIndexOf('/')) + '/registry/designations';
    link.title = '示范单位登记库：命名记录、创建单位、评选批次、批量发起与工作报送、统计';
    link.className = 'registry-link';
    link.innerHTML = '<span class="glyphicon glyphicon-list-alt"></span> <span>登记库</span>';
    node.appendChild(link);
  }
};
