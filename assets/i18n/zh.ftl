# hotseat 的中文界面文字。每条消息一个 id；花括号里是变量。
# 新增语言的方法见 docs/translating.md。

count-traps = { $n } 个陷阱

## 底栏按键说明
key-start-clock = 开始计时
key-back = 返回
key-help = 帮助
key-quit = 退出
key-resume = 继续
key-debrief = 看复盘
key-move = 移动
key-start = 开始
key-filter = 筛选
key-pace = 节奏
key-language = English
key-done = 完成
key-clear = 清除

## 准备页
ready-title = 准备好了吗？
ready-interviewer = 面试官：{ $name }，{ $role }
ready-about = 约 { $questions } 题 · { $minutes } 分钟 · 节奏 { $pace }
ready-first-limit = 第一题限时 { $limit }
ready-no-limits = 不限时
ready-press-enter = 准备好后按 Enter，计时立即开始。

## 暂停
paused-title = 已暂停
paused-body = 计时已停止，题目已隐藏。
paused-left = 本题还剩 { $time }
paused-untimed = 不限时
paused-over = 已超时

## 面试官的结束语
ending-timeout = 时间到，面试结束
ending-early = 面试官在这里结束了面试
ending-over = 面试结束

## 各屏通用
too-small = 终端太小：至少需要 { $need }，当前 { $have }
header-questions = { $n } 道题
header-progress = 第 { $k } 题 / 约 { $n } 题
quit-title = 退出？
quit-running = 现在结束这场面试？你会看到目前为止的回答总结。
quit-app = 退出 hotseat？
quit-yes = 退出
quit-no = 继续面试

## 选择场景
picker-title = 选择一场面试
picker-pace = 节奏：
picker-filter-hint = 按 / 筛选
picker-scenarios = 场景（{ $n }）
picker-col-scenario = 场景
picker-col-company = 公司
picker-col-lang = 语言
picker-col-min = 分钟
picker-col-nodes = 节点
picker-about = 简介
picker-with = 面试官：{ $name }，{ $role }
picker-tests = 考察：{ $skills }

## 帮助：分组标题和每个按键的作用
help-answering = 作答
help-submit = 提交（留空即跳过）；口述题：说完后勾选要点
help-enter = 提交选择题或数字题；文字题里换行
help-pick = 选择选项
help-tab = 在回答（或要点）和笔记之间切换
help-tick = 勾选讲到的要点（说完后）；Enter 确认
help-notes = 跳到笔记
help-editing = 编辑文字
help-line-ends = 到行首、行尾（也可用 Home、End）
help-words = 按词后退、前进（也可用 Ctrl-← →）
help-kill-line = 删除到行尾、到行首
help-kill-word = 删除光标前的一个词
help-kill-next-word = 删除光标后的一个词
help-yank = 粘回最近删除的内容
help-undo = 撤销、重做
help-scroll = 滚动较长的题目
help-clock = 计时
help-pause = 暂停：计时停止，题目隐藏
help-resume = 暂停后继续
help-suspend = 挂起（同时暂停）；用 `fg` 回来
help-leaving = 离开
help-quit = 结束面试（会先确认，并显示总结）
help-picking = 选择场景
help-choose = 选择；在准备页再按 Enter 开始
help-filter = 按标题、公司或 id 筛选
help-pace = 切换节奏：real、pressure、untimed、relaxed
help-language = 切换中文和英文（会记住）
help-anywhere = 任何时候
help-help = 本帮助（? 仅在不输入时有效）
help-title = 帮助
help-close = Esc 关闭
help-scroll-keys = ↑↓ 滚动
