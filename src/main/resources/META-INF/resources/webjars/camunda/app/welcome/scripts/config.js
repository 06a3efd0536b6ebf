// Welcome (login and start page) settings of the platform; replaces the webjar's default config.js.
// Chinese (locales/zh.json) for every browser whose first language is not English.
export default {
  app: {
    name: '欢迎',
    vendor: '民族团结进步示范单位评审平台'
  },
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  }
};
