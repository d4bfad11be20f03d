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
ready-session-limit = 整场最多 { $minutes } 分钟

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
quit-unkept = 本场面试没有录制：离开后复盘就没有了。
quit-save = 保存复盘
quit-no = 继续面试

## 答题页：各栏标题、计时和回答框
session-prompt = 问题
session-prompt-more = 问题 · Alt-PgDn 看更多
session-timer = 计时
session-notes = 笔记
session-untimed = 不计时 · { $time }
timer-stopped = 已停
timer-over = 超时
timer-low = 将尽
timer-half = 过半
timer-ok = 充裕
timer-wrapping-up = 面试时间已到：最后一题
timer-session-left = 整场还剩 { $time }
count-words = { $n } 词
count-chars = { $n } 字
answer-full = 已满：一个回答最多 { $kb } KB，多出的部分没有加入
answer-pick = 回答：选一项（1-9，Enter）
answer-number = 回答：一个数
answer-number-unit = 回答：一个数（{ $unit }）
answer-number-hint = 例：1,200 · 12% · ¥1.2M · 120万 · Enter 提交
answer-text = 回答 · { $length }
answer-spoken = 说出来，或记几笔 · { $length }
answer-spoken-hint = 说完按 Ctrl-S，再勾选你讲到的要点。
answer-which-covered = 这些要点你讲到了哪些？{ $done }/{ $total }（需 { $pass }）
answer-jotted = 你记下的 · { $length } · 已定稿
answer-points = 要点 { $done }/{ $total }（需 { $pass }）
key-tick = 勾选
key-confirm = 确认
key-confirm-points = 确认要点
key-pick = 选择
key-submit = 提交
key-pause = 暂停
key-notes = 笔记
key-focus = 切换
key-done-then-tick = 说完，再勾要点
key-traps-broken = traps.ron 有错误

## 回放：按键行和提示
replay-note = 批注：
replay-note-keys = （Enter 保存，Esc 取消）
replay-key-play = 播放/暂停
replay-key-speed = 速度
replay-key-seek = 5 秒
replay-key-seek-far = 30 秒
replay-key-question = 上/下一题
replay-key-trap = 陷阱
replay-key-idle = 跳过空闲
replay-key-note = 批注
replay-idle = 空闲≤2秒
replay-saved = 批注已保存
replay-not-saved = 批注没能保存：{ $error }

replay-no-more-traps = 此后没有再踩陷阱。

replay-trap = 即将踩到陷阱（{ $node }）：{ $titles }

## 状态行的消息
status-not-recording = 没有录制：{ $error }
status-lang-not-kept = 没能记住语言设置：{ $error }
status-nothing-to-save = 还没有可保存的内容
status-no-data-dir = 没有数据目录：请设置 HOTSEAT_DATA_DIR
status-saved = 已保存 { $path }
status-not-saved = 没能保存：{ $error }
status-not-watching = 没能监视场景文件夹（{ $error }）；改为每 { $secs } 秒检查一次变化
picker-cannot-start = { $id } 无法开始：{ $problem }

## 读数字答案：哪里不对
number-empty = 请输入一个数
number-invalid = 这不是一个数：可以写 1,200、12%、¥1.2M 或 120万
number-grouping = { $typed }：数字要么每三位一组（{ $grouped }），要么不分组（{ $plain }）
number-unit-plain = 不确定这里的“{ $found }”是什么意思：请只写数字
number-unit = 不确定这里的“{ $found }”是什么意思：请按 { $unit } 作答

## 会话自动进入下一题时，在题目上方的提示
moved-on-timeout = 上一题时间到：面试官进入下一题。
moved-on-session = 整场时间已到：面试官问最后一个问题。

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
help-pace = 切换节奏：真实、高压、不计时、宽松
help-language = 切换中文和英文（会记住）
help-anywhere = 任何时候
help-help = 本帮助（? 仅在不输入时有效）
help-title = 帮助
help-close = Esc 关闭
help-scroll-keys = ↑↓ 滚动

## 复盘：结论、理由和扣分项
verdict-strong-hire = 强烈推荐录用
verdict-hire = 录用
verdict-lean-no = 倾向不录用
verdict-no = 不录用
reason-no-answers = 一道题都没有回答。
reason-drill = 专项练习只是练习：给分数、指出踩到的陷阱，不给录用结论。
reason-score = 总分 { $score }/100，按已回答的 { $n } 道题计算。
reason-no-traps = 没有踩到陷阱。
reason-trap-line = 踩到 { $n } 个陷阱，共 { $times } 次：{ $names }。
trap-times = { $title }（{ $n } 次）
list-sep = ；
reason-numeric = 数字题答对 { $right } 道，共 { $total } 道。
reason-numeric-close = 数字题答对 { $right } 道，共 { $total } 道；另有 { $close } 道接近（得一半分）。
reason-weakest = 最弱的能力项：{ $name }（{ $score } 分）。
reason-unbacked = 有 { $n } 道口述题自评讲到了要点，却没有笔记记下说了什么。
reason-bounded = 面试的结局把结论限定为“{ $bounded }”（单看分数是“{ $band }”）。
early-timeout = 面试的总时间用完了。
reason-too-few = 你只回答了 { $n } 道题就离开了：太少，不足以评判一场面试，所以不给结论。

early-quit = 你提前离开了面试。
early-closed = 你回答完“{ $question }”之后，面试官结束了面试。
early-closed-traps = 你回答完“{ $question }”之后，面试官结束了面试；这个回答踩到了：{ $traps }。
why-bound = 面试的结局最多只能给到“{ $verdict }”
why-quit = 你提前离开了面试
why-repeated-at = { $what }（{ $n } 次：第 { $list } 题）
why-at-one = { $what }（第 { $k } 题）
why-points = { $what }（{ $points } 分）
loss-trap = 陷阱：{ $title }
loss-over-time = 回答超时
loss-timed-out = 有题目没答完时间就到了
loss-pass = 跳过或留空的题目
loss-not-a-number = 要求填数字却没有填数字
loss-close = 数字只是接近（得一半分）
loss-wrong = 数字算错了
loss-spoken = 口述题的笔记太少，或要点没讲全
loss-text = 回答缺少数据、前后对比，或没说清你本人做了什么
given-pass = （跳过）
given-option = 选项 { $n }
given-not-a-number = { $raw }（不是数字）
given-covered = 讲到了：{ $points }
given-typed = { $read }（输入的是 { $raw }）
list-none = 无
mark-right = 正确
mark-close = 接近（得一半分）
mark-wrong = 错误
trap-in-english = { $title }（英文）
count-none = 无
count-times = { $n } 个，共 { $m } 次

## 复盘的标题和标签（Markdown、纯文本和界面）
debrief-h-why = 为什么是这个结论
debrief-h-competencies = 能力项
debrief-h-traps = 陷阱（{ $count }）
debrief-h-numbers = 数字题
debrief-h-timeline = 时间线
debrief-h-points = 要点（自评）
debrief-h-notes = 笔记
debrief-no-traps = 没有踩到任何陷阱，做得好。
debrief-notes-none = （无）
md-title = # 复盘：{ $title }
md-verdict = **结论：{ $verdict }**
md-verdict-score = **结论：{ $verdict }**（{ $score }/100）
md-verdict-none = **结论：无**（回答太少，无法评判）
md-verdict-drill = **专项练习：{ $score }/100**（练习，不给录用结论）
md-how-ended = **面试怎么结束的：**{ $text }
md-closing-words = 面试官的结束语（`{ $node }`）：
md-closing-words-after = { $early }面试官的结束语（`{ $node }`）：
md-why-hurts = **为什么扣分：**{ $text }
md-instead = **更好的做法：**{ $text }
md-where = **出现在（{ $node }）：**{ $question }
md-where-nth = **第 { $k } 处（{ $node }）：**{ $question }
md-you-said = **你的原话：**{ $text }
md-model-answer = **本题参考答案：**{ $text }
md-example = **优秀回答示例（不是你的原话）：**{ $text }
md-numeric = - **{ $node }**：应为 { $expected }，你的答案是 { $given }：{ $mark }。{ $solution }
md-timeline-head = | # | 题目 | 用时 | 限时 | |
md-over-time = **超时**
md-interjected = 第 { $n } 题（{ $node }）面试官插话：“{ $said }”
md-points = - **{ $node }**：讲到了 { $covered }；漏掉了 { $missed }
exit-timed-out = 本题时间到
exit-session-over = 面试时间到
exit-quit = 退出
tui-debrief = 复盘
tui-more = {" · "}↓ 更多
tui-key-scroll = 滚动
tui-key-traps = 下一个/上一个陷阱
tui-key-save = 保存为 Markdown
tui-key-leave = 离开
tui-verdict = 结论：
tui-band-strong-hire = 强烈推荐录用
tui-band-hire = 录用
tui-band-lean-no = 倾向不录用
tui-band-no = 不录用
tui-band-none = 无结论
tui-label = {"  "}{ $label }：
tui-how-ended = 面试怎么结束的
tui-closing-words = 面试官的结束语
tui-why-hurts = 为什么扣分
tui-instead = 更好的做法
tui-where = 出现在
tui-where-at = { $node }：{ $question }
tui-you-said = 你的原话
tui-model-answer = 参考答案
tui-example = 优秀回答示例（不是你的原话）
tui-numeric = { $node }：应为 { $expected } { $unit }，你的答案是 { $given }
tui-untimed = 不限时
tui-over-time = 超时
tui-covered = { $node }：讲到了 { $covered }
tui-missed = 漏掉了：{ $missed }

## 能力项在复盘里的名称
competency-communication = 沟通表达
competency-negotiation = 谈判
competency-unit-economics = 单位经济
competency-compliance = 合规
competency-pricing = 定价
competency-leadership = 领导力
competency-security = 安全
competency-data-residency = 数据驻留
competency-go-to-market = 市场进入
competency-billing = 计费
competency-cost-attribution = 成本归因
competency-supply-chain = 供应链

## 节奏在选择界面和准备页的名称
pace-real = 真实
pace-pressure = 高压
pace-untimed = 不计时
pace-relaxed = 宽松
picker-minutes = { $n }分
header-who = │ { $name }，{ $role }

## The picker's details: the scenario's history, from the session index.
picker-last-played = 上次练习：{ $date }
picker-best-verdict = 最好的结论：{ $verdict }
