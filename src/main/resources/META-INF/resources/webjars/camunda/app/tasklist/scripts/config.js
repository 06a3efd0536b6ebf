// Tasklist settings of the platform; this file replaces the webjar's default config.js.
// Reviewers work in Chinese: Tasklist speaks Chinese (locales/zh.json) to every browser whose first
// language is not English, and English to English browsers.
export default {
  app: {
    name: '任务列表',
    vendor: '民族团结进步示范单位评审平台'
  },
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },
  dateFormat: {
    normal: 'LLL',
    long: 'LLLL'
  },
  // Plugins loaded as ES modules, paths relative to app/tasklist/: the link to the registry's pages
  // (登记库) in Tasklist's header.
  customScripts: ['scripts/registry-link.js'],
  // Tasklist's own keyboard shortcuts, as in the default config.js.
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: '认领当前选中的任务'},
    focusFilter: {key: 'ctrl+shift+f', description: '聚焦到第一个过滤器'},
    focusList: {key: 'ctrl+alt+l', description: '聚焦到任务列表中的第一个任务'},
    focusForm: {key: 'ctrl+alt+f', description: '聚焦到任务表单的第一个输入框'},
    startProcess: {key: 'ctrl+alt+p', description: '打开发起流程对话框'}
  }
};
