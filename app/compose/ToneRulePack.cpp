#include "ToneRulePack.h"

#include "ComposeLanguage.h"

namespace Counterpart::Compose {

namespace {

const auto U = QRegularExpression::UseUnicodePropertiesOption;

QStringList phrasesOf(const QList<PhraseRule> &rules)
{
    QStringList out;
    out.reserve(rules.size());
    for (const PhraseRule &rule : rules)
        out.append(rule.phrase);
    return out;
}

void buildMatchers(ToneRulePack &pack)
{
    // Patterns run on FoldedText, where case folding turns the final sigma into a plain one.
    for (QRegularExpression *pattern : {&pack.datePromise, &pack.responseTime}) {
        QString text = pattern->pattern();
        text.replace(u'ς', u'σ');
        pattern->setPattern(text);
    }
    pack.ruleMatcher = PhraseMatcher(phrasesOf(pack.rules));
    pack.casualMatcher = PhraseMatcher(phrasesOf(pack.casualRules));
    pack.stiffMatcher = PhraseMatcher(phrasesOf(pack.stiffRules));
    pack.exceptionMatcher = PhraseMatcher(pack.exceptions);
    pack.apologyMatcher = PhraseMatcher(pack.apologyCues);
    pack.hedgeMatcher = PhraseMatcher(pack.hedges);
    pack.responseVerbMatcher = PhraseMatcher(pack.responseVerbs);
    pack.commitmentMatcher = PhraseMatcher(pack.commitments);
    pack.datePromise.optimize();
    pack.responseTime.optimize();
}

ToneRulePack english()
{
    ToneRulePack p;
    p.language = QStringLiteral("en");
    const QString demand = QStringLiteral("blame.demand");
    const QString fault = QStringLiteral("blame.fault");
    const QString sigh = QStringLiteral("negative.unfortunately");
    const QString policy = QStringLiteral("negative.policy");
    const QString cant = QStringLiteral("negative.cant");
    const QString guarantee = QStringLiteral("promise.guarantee");
    const QString now = QStringLiteral("promise.immediately");
    const QString scripted = QStringLiteral("voice.scripted");
    p.rules = {
        {demand, QStringLiteral("you must"), QStringLiteral("could you please")},
        {demand, QStringLiteral("you need to"), QStringLiteral("could you")},
        {demand, QStringLiteral("I need you to"), QStringLiteral("could you please")},
        {demand, QStringLiteral("you have to"), QStringLiteral("could you")},
        {demand, QStringLiteral("you are required to"), QStringLiteral("could you")},
        {demand, QStringLiteral("you're required to"), QStringLiteral("could you")},
        {fault, QStringLiteral("you failed to"), QStringLiteral("it looks like this didn't")},
        {fault, QStringLiteral("you forgot to"), QStringLiteral("it looks like we missed")},
        {fault, QStringLiteral("you didn't read"), QStringLiteral("it's easy to miss")},
        {fault, QStringLiteral("you did not read"), QStringLiteral("it's easy to miss")},
        {fault, QStringLiteral("you should have"), QStringLiteral("next time it helps to have")},
        {fault, QStringLiteral("you were supposed to"), QStringLiteral("the next step is to")},
        {fault, QStringLiteral("your fault"), QStringLiteral("a mix-up")},
        {fault, QStringLiteral("your mistake"), QStringLiteral("a mix-up")},
        {fault, QStringLiteral("as I already said"), QStringLiteral("to recap")},
        {fault, QStringLiteral("as I said before"), QStringLiteral("to recap")},
        {fault, QStringLiteral("as previously stated"), QStringLiteral("to recap")},
        {fault, QStringLiteral("as stated before"), QStringLiteral("to recap")},
        {fault, QStringLiteral("as I have already explained"), QStringLiteral("to recap")},
        {sigh, QStringLiteral("unfortunately"), QStringLiteral("to be upfront,")},
        {sigh, QStringLiteral("regrettably"), QStringLiteral("to be upfront,")},
        {policy, QStringLiteral("that's our policy"), QStringLiteral("here's the reason behind it")},
        {policy, QStringLiteral("that is our policy"), QStringLiteral("here's the reason behind it")},
        {policy, QStringLiteral("it's our policy"), QStringLiteral("we usually")},
        {policy, QStringLiteral("company policy"), QStringLiteral("the way we handle this")},
        {policy, QStringLiteral("our policy states"), QStringLiteral("we normally")},
        {policy, QStringLiteral("per our policy"), QStringLiteral("normally")},
        {policy, QStringLiteral("according to our policy"), QStringLiteral("normally")},
        {policy, QStringLiteral("against our policy"), QStringLiteral("not something we usually do")},
        {policy, QStringLiteral("rules are rules"), QString()},
        {cant, QStringLiteral("can't"), QString()},
        {cant, QStringLiteral("cannot"), QString()},
        {cant, QStringLiteral("can not"), QString()},
        {cant, QStringLiteral("unable to"), QString()},
        {cant, QStringLiteral("not able to"), QString()},
        {cant, QStringLiteral("not possible"), QString()},
        {cant, QStringLiteral("isn't possible"), QString()},
        {cant, QStringLiteral("impossible"), QString()},
        {cant, QStringLiteral("nothing we can do"), QString()},
        {cant, QStringLiteral("won't be able to"), QString()},
        {guarantee, QStringLiteral("guarantee"), QStringLiteral("expect")},
        {guarantee, QStringLiteral("guaranteed"), QStringLiteral("expected")},
        {guarantee, QStringLiteral("guarantees"), QStringLiteral("expects")},
        {guarantee, QStringLiteral("I promise"), QStringLiteral("I expect")},
        {guarantee, QStringLiteral("we promise"), QStringLiteral("we expect")},
        {guarantee, QStringLiteral("100%"), QStringLiteral("very likely")},
        {now, QStringLiteral("immediately"), QStringLiteral("as soon as we can")},
        {now, QStringLiteral("right away"), QStringLiteral("as soon as we can")},
        {now, QStringLiteral("straight away"), QStringLiteral("as soon as I can")},
        {now, QStringLiteral("instantly"), QStringLiteral("shortly")},
        {now, QStringLiteral("in no time"), QStringLiteral("soon")},
        {scripted, QStringLiteral("apologize for any inconvenience"), QString()},
        {scripted, QStringLiteral("apologise for any inconvenience"), QString()},
        {scripted, QStringLiteral("sorry for any inconvenience"), QString()},
        {scripted, QStringLiteral("inconvenience this may have caused"), QString()},
        {scripted, QStringLiteral("inconvenience caused"), QString()},
        {scripted, QStringLiteral("your call is important"), QString()},
        {scripted, QStringLiteral("we value your business"), QString()},
        {scripted, QStringLiteral("your satisfaction is our top priority"), QString()},
        {scripted, QStringLiteral("your satisfaction is our priority"), QString()},
        {scripted, QStringLiteral("do not hesitate to contact"), QStringLiteral("just reply to")},
        {scripted, QStringLiteral("don't hesitate to contact"), QStringLiteral("just reply to")},
        {scripted, QStringLiteral("rest assured"), QString()},
        {scripted, QStringLiteral("dear customer"), QStringLiteral("Hi {name}")},
        {scripted, QStringLiteral("dear valued customer"), QStringLiteral("Hi {name}")},
        {scripted, QStringLiteral("dear sir/madam"), QStringLiteral("Hi {name}")},
        {scripted, QStringLiteral("dear sir or madam"), QStringLiteral("Hi {name}")},
        {scripted, QStringLiteral("thank you for your patience and understanding"),
         QStringLiteral("thanks for bearing with us")},
        {scripted, QStringLiteral("we have received your request"), QString()},
        {scripted, QStringLiteral("has been duly noted"), QString()},
        {scripted, QStringLiteral("at our earliest convenience"), QStringLiteral("soon")},
        {scripted, QStringLiteral("at your earliest convenience"), QStringLiteral("when it suits you")},
    };
    const QString casual = QStringLiteral("formality.casual");
    p.casualRules = {
        {casual, QStringLiteral("gonna"), QStringLiteral("going to")},
        {casual, QStringLiteral("wanna"), QStringLiteral("want to")},
        {casual, QStringLiteral("gotta"), QStringLiteral("have to")},
        {casual, QStringLiteral("lol"), QString()},
        {casual, QStringLiteral("btw"), QStringLiteral("also")},
        {casual, QStringLiteral("yeah"), QStringLiteral("yes")},
        {casual, QStringLiteral("yep"), QStringLiteral("yes")},
        {casual, QStringLiteral("nope"), QStringLiteral("no")},
        {casual, QStringLiteral("hey"), QStringLiteral("Hello")},
        {casual, QStringLiteral("hiya"), QStringLiteral("Hello")},
        {casual, QStringLiteral("no worries"), QStringLiteral("certainly")},
        {casual, QStringLiteral("no prob"), QStringLiteral("certainly")},
        {casual, QStringLiteral("no problemo"), QStringLiteral("certainly")},
        {casual, QStringLiteral("awesome"), QStringLiteral("great")},
        {casual, QStringLiteral("cool"), QStringLiteral("good")},
        {casual, QStringLiteral("dude"), QString()},
        {casual, QStringLiteral("omg"), QString()},
        {casual, QStringLiteral("thx"), QStringLiteral("thank you")},
        {casual, QStringLiteral("pls"), QStringLiteral("please")},
        {casual, QStringLiteral("plz"), QStringLiteral("please")},
        {casual, QStringLiteral("u"), QStringLiteral("you")},
        {casual, QStringLiteral("ur"), QStringLiteral("your")},
        {casual, QStringLiteral("!!"), QStringLiteral("!")},
        {casual, QStringLiteral(":)"), QString()},
        {casual, QStringLiteral(":-)"), QString()},
        {casual, QStringLiteral(";)"), QString()},
    };
    const QString stiff = QStringLiteral("formality.stiff");
    p.stiffRules = {
        {stiff, QStringLiteral("kindly"), QStringLiteral("please")},
        {stiff, QStringLiteral("please be advised"), QStringLiteral("just so you know,")},
        {stiff, QStringLiteral("herewith"), QStringLiteral("here")},
        {stiff, QStringLiteral("hereby"), QString()},
        {stiff, QStringLiteral("pursuant to"), QStringLiteral("under")},
        {stiff, QStringLiteral("aforementioned"), QStringLiteral("this")},
        {stiff, QStringLiteral("we regret to inform you"), QStringLiteral("I'm sorry to say")},
        {stiff, QStringLiteral("please find attached"), QStringLiteral("I've attached")},
        {stiff, QStringLiteral("in accordance with"), QStringLiteral("under")},
        {stiff, QStringLiteral("we shall"), QStringLiteral("we'll")},
        {stiff, QStringLiteral("revert"), QStringLiteral("get back to you")},
        {stiff, QStringLiteral("duly"), QString()},
    };
    p.exceptions = {
        QStringLiteral("if you need to"),        QStringLiteral("whether you need to"),
        QStringLiteral("in case you need to"),   QStringLiteral("all you need to"),
        QStringLiteral("nothing you need to"),   QStringLiteral("everything you need to"),
        QStringLiteral("you must be"),           QStringLiteral("you must have been"),
        QStringLiteral("don't need to"),         QStringLiteral("won't need to"),
    };
    p.apologyCues = {QStringLiteral("sorry"), QStringLiteral("apologi*"),
                     QStringLiteral("apologies")};
    p.hedges = {QStringLiteral("should"),   QStringLiteral("expect*"),  QStringLiteral("estimat*"),
                QStringLiteral("likely"),   QStringLiteral("usually"),  QStringLiteral("normally"),
                QStringLiteral("typically"), QStringLiteral("aim*"),    QStringLiteral("hope*"),
                QStringLiteral("around"),   QStringLiteral("approximately"),
                QStringLiteral("roughly"),  QStringLiteral("if"),       QStringLiteral("probably"),
                QStringLiteral("tracking shows"), QStringLiteral("the carrier says")};
    p.responseVerbs = {QStringLiteral("get back"),  QStringLiteral("reply"),
                       QStringLiteral("respond"),   QStringLiteral("answer"),
                       QStringLiteral("hear from"), QStringLiteral("update you"),
                       QStringLiteral("call you"),  QStringLiteral("back to you"),
                       QStringLiteral("contact you"), QStringLiteral("email you"),
                       QStringLiteral("be in touch"), QStringLiteral("follow up")};
    p.commitments = {QStringLiteral("will"), QStringLiteral("'ll"), QStringLiteral("going to"),
                     QStringLiteral("shall")};
    p.numberWords = {{QStringLiteral("a"), 1},      {QStringLiteral("an"), 1},
                     {QStringLiteral("one"), 1},    {QStringLiteral("the"), 1},
                     {QStringLiteral("two"), 2},    {QStringLiteral("three"), 3},
                     {QStringLiteral("four"), 4},   {QStringLiteral("five"), 5},
                     {QStringLiteral("ten"), 10},   {QStringLiteral("fifteen"), 15},
                     {QStringLiteral("twenty"), 20}, {QStringLiteral("thirty"), 30},
                     {QStringLiteral("half an"), 0.5}, {QStringLiteral("half a"), 0.5}};
    const QString weekday = QStringLiteral("(?:mon|tues|wednes|thurs|fri|satur|sun)day");
    const QString month = QStringLiteral("(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*");
    p.datePromise = QRegularExpression(
        QStringLiteral("\\b(?:will|'ll|shall|going to)\\s+(?:definitely\\s+|certainly\\s+|surely\\s+|"
                       "still\\s+)?(?:arrive|be delivered|be there|be with you|reach you|get to "
                       "you|land|be at your door|have (?:it|them|your \\w+)|receive (?:it|them|"
                       "your \\w+))\\b[^.!?\\n]{0,40}?\\b(?:today|tonight|tomorrow|(?:on |by |this "
                       "|next )?")
            + weekday
            + QStringLiteral("|by the end of (?:the )?(?:day|week)|on the \\d{1,2}(?:st|nd|rd|th)?|")
            + month + QStringLiteral(" \\d{1,2}|\\d{1,2}(?:st|nd|rd|th)? (?:of )?") + month
            + QStringLiteral("|\\d{1,2}/\\d{1,2})\\b"),
        U);
    p.responseTime = QRegularExpression(
        QStringLiteral("\\b(?:within|in|under|in less than|in the next)\\s+(?<n>\\d+(?:\\.\\d+)?|an?|"
                       "one|two|three|four|five|ten|fifteen|twenty|thirty|half an?|the)\\s*"
                       "(?<unit>minutes?|mins?|hours?|hrs?|days?|business days?)\\b"),
        U);
    p.nameGreeting = QStringLiteral("Hi %1,");
    p.nextStepStub = QStringLiteral(" Here's what I'm doing next: ");
    return p;
}

/** One Chinese phrase in both scripts, with its suggestion in both scripts. */
struct ZhRule
{
    const char *ruleId;
    QString hans;
    QString hant;
    QString hansSuggestion;
    QString hantSuggestion;
};

ToneRulePack chinese(bool traditional)
{
    ToneRulePack p;
    p.language = traditional ? QStringLiteral("zh-Hant") : QStringLiteral("zh-Hans");
    p.cjk = true;
    const QList<ZhRule> rules = {
        {"blame.demand", QStringLiteral("您必须"), QStringLiteral("您必須"), QStringLiteral("请您"), QStringLiteral("請您")},
        {"blame.demand", QStringLiteral("你必须"), QStringLiteral("你必須"), QStringLiteral("请你"), QStringLiteral("請你")},
        {"blame.demand", QStringLiteral("您需要"), QStringLiteral("您需要"), QStringLiteral("麻烦您"), QStringLiteral("麻煩您")},
        {"blame.demand", QStringLiteral("你需要"), QStringLiteral("你需要"), QStringLiteral("麻烦你"), QStringLiteral("麻煩你")},
        {"blame.demand", QStringLiteral("请您务必"), QStringLiteral("請您務必"), QStringLiteral("麻烦您"), QStringLiteral("麻煩您")},
        {"blame.fault", QStringLiteral("是您自己"), QStringLiteral("是您自己"), QStringLiteral("看起来是"), QStringLiteral("看起來是")},
        {"blame.fault", QStringLiteral("是你自己"), QStringLiteral("是你自己"), QStringLiteral("看起来是"), QStringLiteral("看起來是")},
        {"blame.fault", QStringLiteral("是您的问题"), QStringLiteral("是您的問題"), QStringLiteral("是个误会"), QStringLiteral("是個誤會")},
        {"blame.fault", QStringLiteral("是你的问题"), QStringLiteral("是你的問題"), QStringLiteral("是个误会"), QStringLiteral("是個誤會")},
        {"blame.fault", QStringLiteral("选错了"), QStringLiteral("選錯了"), QStringLiteral("选得不一样"), QStringLiteral("選得不一樣")},
        {"blame.fault", QStringLiteral("填错了"), QStringLiteral("填錯了"), QStringLiteral("填得不一样"), QStringLiteral("填得不一樣")},
        {"blame.fault", QStringLiteral("我已经说过"), QStringLiteral("我已經說過"), QStringLiteral("再跟您确认一下"), QStringLiteral("再跟您確認一下")},
        {"blame.fault", QStringLiteral("早就告诉过"), QStringLiteral("早就告訴過"), QStringLiteral("之前提到过"), QStringLiteral("之前提到過")},
        {"blame.fault", QStringLiteral("您应该先"), QStringLiteral("您應該先"), QStringLiteral("下次可以先"), QStringLiteral("下次可以先")},
        {"blame.fault", QStringLiteral("先看清楚"), QStringLiteral("先看清楚"), QStringLiteral("可以参考"), QStringLiteral("可以參考")},
        {"blame.fault", QStringLiteral("您没有仔细"), QStringLiteral("您沒有仔細"), QString(), QString()},
        {"negative.unfortunately", QStringLiteral("很遗憾"), QStringLiteral("很遺憾"), QStringLiteral("坦白说"), QStringLiteral("坦白說")},
        {"negative.unfortunately", QStringLiteral("遗憾的是"), QStringLiteral("遺憾的是"), QStringLiteral("坦白说"), QStringLiteral("坦白說")},
        {"negative.unfortunately", QStringLiteral("不幸的是"), QStringLiteral("不幸的是"), QStringLiteral("坦白说"), QStringLiteral("坦白說")},
        {"negative.policy", QStringLiteral("这是我们的规定"), QStringLiteral("這是我們的規定"), QStringLiteral("这样安排是因为"), QStringLiteral("這樣安排是因為")},
        {"negative.policy", QStringLiteral("公司规定"), QStringLiteral("公司規定"), QStringLiteral("我们的处理流程"), QStringLiteral("我們的處理流程")},
        {"negative.policy", QStringLiteral("按照规定"), QStringLiteral("按照規定"), QStringLiteral("一般来说"), QStringLiteral("一般來說")},
        {"negative.policy", QStringLiteral("根据规定"), QStringLiteral("根據規定"), QStringLiteral("一般来说"), QStringLiteral("一般來說")},
        {"negative.policy", QStringLiteral("公司政策"), QStringLiteral("公司政策"), QStringLiteral("我们的处理流程"), QStringLiteral("我們的處理流程")},
        {"negative.cant", QStringLiteral("无法"), QStringLiteral("無法"), QString(), QString()},
        {"negative.cant", QStringLiteral("不能"), QStringLiteral("不能"), QString(), QString()},
        {"negative.cant", QStringLiteral("没办法"), QStringLiteral("沒辦法"), QString(), QString()},
        {"negative.cant", QStringLiteral("做不到"), QStringLiteral("做不到"), QString(), QString()},
        {"negative.cant", QStringLiteral("办不到"), QStringLiteral("辦不到"), QString(), QString()},
        {"negative.cant", QStringLiteral("不可能"), QStringLiteral("不可能"), QString(), QString()},
        {"promise.guarantee", QStringLiteral("保证"), QStringLiteral("保證"), QStringLiteral("会尽力"), QStringLiteral("會盡力")},
        {"promise.guarantee", QStringLiteral("一定会"), QStringLiteral("一定會"), QStringLiteral("预计会"), QStringLiteral("預計會")},
        {"promise.guarantee", QStringLiteral("肯定会"), QStringLiteral("肯定會"), QStringLiteral("预计会"), QStringLiteral("預計會")},
        {"promise.guarantee", QStringLiteral("绝对"), QStringLiteral("絕對"), QStringLiteral("应该"), QStringLiteral("應該")},
        {"promise.guarantee", QStringLiteral("百分之百"), QStringLiteral("百分之百"), QStringLiteral("很有可能"), QStringLiteral("很有可能")},
        {"promise.guarantee", QStringLiteral("100%"), QStringLiteral("100%"), QStringLiteral("很有可能"), QStringLiteral("很有可能")},
        {"promise.immediately", QStringLiteral("立即"), QStringLiteral("立即"), QStringLiteral("尽快"), QStringLiteral("盡快")},
        {"promise.immediately", QStringLiteral("马上"), QStringLiteral("馬上"), QStringLiteral("尽快"), QStringLiteral("盡快")},
        {"promise.immediately", QStringLiteral("立刻"), QStringLiteral("立刻"), QStringLiteral("尽快"), QStringLiteral("盡快")},
        {"promise.immediately", QStringLiteral("第一时间"), QStringLiteral("第一時間"), QStringLiteral("尽快"), QStringLiteral("盡快")},
        {"voice.scripted", QStringLiteral("尊敬的客户"), QStringLiteral("尊敬的客戶"), QStringLiteral("{name}您好"), QStringLiteral("{name}您好")},
        {"voice.scripted", QStringLiteral("亲爱的客户"), QStringLiteral("親愛的客戶"), QStringLiteral("{name}您好"), QStringLiteral("{name}您好")},
        {"voice.scripted", QStringLiteral("亲爱的用户"), QStringLiteral("親愛的用戶"), QStringLiteral("{name}您好"), QStringLiteral("{name}您好")},
        {"voice.scripted", QStringLiteral("敬请谅解"), QStringLiteral("敬請諒解"), QString(), QString()},
        {"voice.scripted", QStringLiteral("敬请见谅"), QStringLiteral("敬請見諒"), QString(), QString()},
        {"voice.scripted", QStringLiteral("您的满意是我们"), QStringLiteral("您的滿意是我們"), QString(), QString()},
        {"voice.scripted", QStringLiteral("我们已收到您的请求"), QStringLiteral("我們已收到您的請求"), QString(), QString()},
        {"voice.scripted", QStringLiteral("随时联系我们"), QStringLiteral("隨時與我們聯繫"), QStringLiteral("直接回复这条消息"), QStringLiteral("直接回覆這則訊息")},
        {"voice.scripted", QStringLiteral("非常重视您的反馈"), QStringLiteral("非常重視您的回饋"), QString(), QString()},
        {"voice.scripted", QStringLiteral("给您带来不便"), QStringLiteral("給您帶來不便"), QString(), QString()},
        {"voice.scripted", QStringLiteral("造成您的不便"), QStringLiteral("造成您的不便"), QString(), QString()},
    };
    const QList<ZhRule> casual = {
        {"formality.casual", QStringLiteral("哈哈"), QStringLiteral("哈哈"), QString(), QString()},
        {"formality.casual", QStringLiteral("嘿嘿"), QStringLiteral("嘿嘿"), QString(), QString()},
        {"formality.casual", QStringLiteral("亲，"), QStringLiteral("親，"), QStringLiteral("您好，"), QStringLiteral("您好，")},
        {"formality.casual", QStringLiteral("亲~"), QStringLiteral("親~"), QStringLiteral("您好，"), QStringLiteral("您好，")},
        {"formality.casual", QStringLiteral("没问题亲"), QStringLiteral("沒問題親"), QStringLiteral("好的"), QStringLiteral("好的")},
        {"formality.casual", QStringLiteral("木有"), QStringLiteral("木有"), QStringLiteral("没有"), QStringLiteral("沒有")},
        {"formality.casual", QStringLiteral("酱紫"), QStringLiteral("醬紫"), QStringLiteral("这样"), QStringLiteral("這樣")},
        {"formality.casual", QStringLiteral("么么哒"), QStringLiteral("麼麼噠"), QString(), QString()},
        {"formality.casual", QStringLiteral("啦"), QStringLiteral("啦"), QStringLiteral("了"), QStringLiteral("了")},
        {"formality.casual", QStringLiteral("～"), QStringLiteral("～"), QStringLiteral("。"), QStringLiteral("。")},
        {"formality.casual", QStringLiteral("哦～"), QStringLiteral("喔～"), QStringLiteral("。"), QStringLiteral("。")},
    };
    const QList<ZhRule> stiff = {
        {"formality.stiff", QStringLiteral("特此通知"), QStringLiteral("特此通知"), QString(), QString()},
        {"formality.stiff", QStringLiteral("兹通知"), QStringLiteral("茲通知"), QStringLiteral("跟您说一声"), QStringLiteral("跟您說一聲")},
        {"formality.stiff", QStringLiteral("敬请知悉"), QStringLiteral("敬請知悉"), QString(), QString()},
        {"formality.stiff", QStringLiteral("贵方"), QStringLiteral("貴方"), QStringLiteral("您"), QStringLiteral("您")},
        {"formality.stiff", QStringLiteral("我司"), QStringLiteral("我司"), QStringLiteral("我们"), QStringLiteral("我們")},
        {"formality.stiff", QStringLiteral("予以"), QStringLiteral("予以"), QString(), QString()},
        {"formality.stiff", QStringLiteral("收悉"), QStringLiteral("收悉"), QStringLiteral("收到"), QStringLiteral("收到")},
    };
    auto add = [traditional](QList<PhraseRule> &into, const QList<ZhRule> &from) {
        for (const ZhRule &r : from) {
            into.append({QString::fromLatin1(r.ruleId), traditional ? r.hant : r.hans,
                         traditional ? r.hantSuggestion : r.hansSuggestion});
        }
    };
    add(p.rules, rules);
    add(p.casualRules, casual);
    add(p.stiffRules, stiff);

    auto pick = [traditional](const QString &hans, const QString &hant) {
        return traditional ? hant : hans;
    };
    p.exceptions = {pick(QStringLiteral("如果您需要"), QStringLiteral("如果您需要")),
                    QStringLiteral("如您需要"), QStringLiteral("若您需要"),
                    pick(QStringLiteral("您需要的话"), QStringLiteral("您需要的話")),
                    QStringLiteral("是否需要"), QStringLiteral("不需要"), QStringLiteral("能不能"),
                    pick(QStringLiteral("为了保证"), QStringLiteral("為了保證")),
                    pick(QStringLiteral("不可能的"), QStringLiteral("不可能的"))};
    p.apologyCues = {QStringLiteral("抱歉"), pick(QStringLiteral("对不起"), QStringLiteral("對不起")),
                     QStringLiteral("道歉"), QStringLiteral("不好意思"), QStringLiteral("歉意")};
    p.hedges = {pick(QStringLiteral("预计"), QStringLiteral("預計")),
                pick(QStringLiteral("大约"), QStringLiteral("大約")),
                pick(QStringLiteral("应该"), QStringLiteral("應該")), QStringLiteral("一般"),
                QStringLiteral("通常"), QStringLiteral("如果"), QStringLiteral("若"),
                pick(QStringLiteral("估计"), QStringLiteral("估計")), QStringLiteral("可能")};
    p.responseVerbs = {pick(QStringLiteral("回复"), QStringLiteral("回覆")),
                       pick(QStringLiteral("答复"), QStringLiteral("答覆")),
                       pick(QStringLiteral("联系您"), QStringLiteral("聯繫您")),
                       QStringLiteral("聯絡您"), pick(QStringLiteral("回电"), QStringLiteral("回電")),
                       QStringLiteral("通知您")};
    p.commitments = {pick(QStringLiteral("会"), QStringLiteral("會")),
                     pick(QStringLiteral("将"), QStringLiteral("將")), QStringLiteral("就")};
    p.numberWords = {{QStringLiteral("半"), 0.5}};
    p.datePromise = QRegularExpression(
        QStringLiteral("(?:今天|今晚|明天|后天|後天|[周週][一二三四五六日天末]|星期[一二三四五六日天]|[礼禮]拜[一二三四"
                       "五六日天]|\\d{1,2}月\\d{1,2}[日号號])[^。！？\\n，,]{0,8}?(?:送到|送达|送達|到货|到貨|到达|"
                       "到達|寄到)"),
        U);
    p.responseTime = QRegularExpression(
        QStringLiteral("(?<n>\\d+|[一二两兩三四五六七八九十半]+)\\s*(?<unit>分钟|分鐘|个小时|個小時|小时|小時|个钟头|"
                       "個鐘頭|天|个工作日|個工作日|個工作天|工作日)\\s*(?:之)?(?:内|內)"),
        U);
    p.longSentence = 100;
    p.longParagraph = 220;
    p.noBreaksMinimum = 160;
    p.nameGreeting = QStringLiteral("%1，您好！");
    p.nextStepStub = pick(QStringLiteral("接下来我会："), QStringLiteral("接下來我會："));
    return p;
}

ToneRulePack greek()
{
    ToneRulePack p;
    p.language = QStringLiteral("el");
    const QString demand = QStringLiteral("blame.demand");
    const QString fault = QStringLiteral("blame.fault");
    const QString policy = QStringLiteral("negative.policy");
    const QString cant = QStringLiteral("negative.cant");
    const QString guarantee = QStringLiteral("promise.guarantee");
    const QString now = QStringLiteral("promise.immediately");
    const QString scripted = QStringLiteral("voice.scripted");
    p.rules = {
        {demand, QStringLiteral("πρέπει να"), QStringLiteral("θα σας παρακαλούσα να")},
        {demand, QStringLiteral("οφείλετε να"), QStringLiteral("θα σας παρακαλούσα να")},
        {demand, QStringLiteral("χρειάζομαι να μου"), QStringLiteral("θα μπορούσατε να μου")},
        {demand, QStringLiteral("είστε υποχρεωμένοι να"), QStringLiteral("θα σας παρακαλούσα να")},
        {fault, QStringLiteral("δικό σας λάθος"), QStringLiteral("μια παρανόηση")},
        {fault, QStringLiteral("δικό σου λάθος"), QStringLiteral("μια παρανόηση")},
        {fault, QStringLiteral("φταίτε"), QString()},
        {fault, QStringLiteral("ξεχάσατε"), QStringLiteral("ίσως δεν φάνηκε")},
        {fault, QStringLiteral("όπως σας είπα ήδη"), QStringLiteral("για να το συνοψίσω")},
        {fault, QStringLiteral("όπως ήδη σας είπα"), QStringLiteral("για να το συνοψίσω")},
        {fault, QStringLiteral("όπως σας έχω ήδη πει"), QStringLiteral("για να το συνοψίσω")},
        {fault, QStringLiteral("όπως σας ξαναείπα"), QStringLiteral("για να το συνοψίσω")},
        {fault, QStringLiteral("δεν ακολουθήσατε"), QString()},
        {fault, QStringLiteral("δεν διαβάσατε"), QString()},
        {fault, QStringLiteral("έπρεπε να είχατε"), QStringLiteral("την επόμενη φορά βοηθά να")},
        // "You should have checked/read/noticed": the customer hears "your fault". Not plain
        // "έπρεπε να", which also opens an apology ("δεν έπρεπε να συμβεί").
        {fault, QStringLiteral("έπρεπε να ελέγξετε"), QStringLiteral("ας ελέγξουμε μαζί")},
        {fault, QStringLiteral("έπρεπε να ελέγχατε"), QStringLiteral("ας ελέγξουμε μαζί")},
        {fault, QStringLiteral("θα έπρεπε να ελέγξετε"), QStringLiteral("ας ελέγξουμε μαζί")},
        {fault, QStringLiteral("έπρεπε να διαβάσετε"), QStringLiteral("ας δούμε μαζί")},
        {fault, QStringLiteral("έπρεπε να προσέξετε"), QStringLiteral("ας δούμε μαζί")},
        {fault, QStringLiteral("αποτύχατε"), QString()},
        {QStringLiteral("negative.unfortunately"), QStringLiteral("δυστυχώς"),
         QStringLiteral("για να είμαι ειλικρινής,")},
        {policy, QStringLiteral("πολιτική της εταιρείας"), QStringLiteral("ο τρόπος που δουλεύουμε")},
        {policy, QStringLiteral("σύμφωνα με την πολιτική μας"), QStringLiteral("συνήθως")},
        {policy, QStringLiteral("είναι η πολιτική μας"), QStringLiteral("είναι ο τρόπος που δουλεύουμε")},
        {policy, QStringLiteral("κανονισμός της εταιρείας"), QStringLiteral("ο τρόπος που δουλεύουμε")},
        {cant, QStringLiteral("δεν μπορώ"), QString()},
        {cant, QStringLiteral("δεν μπορούμε"), QString()},
        {cant, QStringLiteral("αδυνατούμε"), QString()},
        {cant, QStringLiteral("είναι αδύνατο"), QString()},
        {cant, QStringLiteral("δεν γίνεται"), QString()},
        {cant, QStringLiteral("δεν είναι δυνατ*"), QString()},
        {guarantee, QStringLiteral("εγγυώμαι"), QStringLiteral("πιστεύω")},
        {guarantee, QStringLiteral("εγγυόμαστε"), QStringLiteral("πιστεύουμε")},
        {guarantee, QStringLiteral("υπόσχομαι"), QStringLiteral("πιστεύω")},
        {guarantee, QStringLiteral("υποσχόμαστε"), QStringLiteral("πιστεύουμε")},
        {guarantee, QStringLiteral("100%"), QStringLiteral("κατά πάσα πιθανότητα")},
        {guarantee, QStringLiteral("σίγουρα θα"), QStringLiteral("κατά πάσα πιθανότητα θα")},
        {guarantee, QStringLiteral("οπωσδήποτε θα"), QStringLiteral("κατά πάσα πιθανότητα θα")},
        {now, QStringLiteral("αμέσως"), QStringLiteral("το συντομότερο")},
        {now, QStringLiteral("άμεσα"), QStringLiteral("σύντομα")},
        {now, QStringLiteral("στη στιγμή"), QStringLiteral("σύντομα")},
        {now, QStringLiteral("χωρίς καθυστέρηση"), QStringLiteral("σύντομα")},
        {scripted, QStringLiteral("αγαπητέ πελάτη"), QStringLiteral("Γεια σας {name}")},
        {scripted, QStringLiteral("αγαπητή πελάτισσα"), QStringLiteral("Γεια σας {name}")},
        {scripted, QStringLiteral("αγαπητοί πελάτες"), QStringLiteral("Γεια σας {name}")},
        {scripted, QStringLiteral("για οποιαδήποτε αναστάτωση"), QString()},
        {scripted, QStringLiteral("για την όποια ταλαιπωρία"), QString()},
        {scripted, QStringLiteral("η ικανοποίησή σας είναι"), QString()},
        {scripted, QStringLiteral("μη διστάσετε να επικοινωνήσετε"), QStringLiteral("απαντήστε σε αυτό το μήνυμα")},
        {scripted, QStringLiteral("μην διστάσετε να επικοινωνήσετε"), QStringLiteral("απαντήστε σε αυτό το μήνυμα")},
        {scripted, QStringLiteral("σας ευχαριστούμε για την υπομονή και την κατανόηση"), QString()},
        {scripted, QStringLiteral("το αίτημά σας έχει προωθηθεί"), QString()},
        {scripted, QStringLiteral("το συντομότερο δυνατό"), QString()},
    };
    const QString casual = QStringLiteral("formality.casual");
    p.casualRules = {
        {casual, QStringLiteral("ρε"), QString()},
        {casual, QStringLiteral("χαχα*"), QString()},
        {casual, QStringLiteral("οκ"), QStringLiteral("εντάξει")},
        {casual, QStringLiteral("ok"), QStringLiteral("εντάξει")},
        {casual, QStringLiteral("φίλε"), QString()},
        {casual, QStringLiteral("μεγάλε"), QString()},
        {casual, QStringLiteral("λολ"), QString()},
        {casual, QStringLiteral("τσέκαρε"), QStringLiteral("ελέγξτε")},
        {casual, QStringLiteral("άντε"), QString()},
        {casual, QStringLiteral("!!"), QStringLiteral("!")},
    };
    const QString stiff = QStringLiteral("formality.stiff");
    p.stiffRules = {
        {stiff, QStringLiteral("δια του παρόντος"), QString()},
        {stiff, QStringLiteral("παρακαλούμε όπως"), QStringLiteral("παρακαλούμε να")},
        {stiff, QStringLiteral("ως ανωτέρω"), QStringLiteral("όπως είπαμε")},
        {stiff, QStringLiteral("εν λόγω"), QStringLiteral("αυτού του")},
        {stiff, QStringLiteral("αξιότιμε"), QStringLiteral("Γεια σας")},
        {stiff, QStringLiteral("αξιότιμη"), QStringLiteral("Γεια σας")},
        {stiff, QStringLiteral("σας γνωστοποιούμε"), QStringLiteral("σας ενημερώνουμε")},
        {stiff, QStringLiteral("ελήφθη"), QStringLiteral("το λάβαμε")},
    };
    p.exceptions = {QStringLiteral("πρέπει να σας"), QStringLiteral("δεν πρέπει να")};
    p.apologyCues = {QStringLiteral("συγγνώμη"), QStringLiteral("λυπάμαι"),
                     QStringLiteral("λυπούμαστε")};
    p.hedges = {QStringLiteral("αναμένεται"), QStringLiteral("εκτιμάται"),
                QStringLiteral("εκτιμώμεν*"), QStringLiteral("πιθανότατα"),
                QStringLiteral("πιθανόν"),    QStringLiteral("συνήθως"),
                QStringLiteral("περίπου"),    QStringLiteral("αν"),
                QStringLiteral("εάν"),        QStringLiteral("λογικά")};
    p.responseVerbs = {QStringLiteral("απαντ*"), QStringLiteral("επικοινων*"),
                       QStringLiteral("ενημερ*"), QStringLiteral("επανέλθ*"),
                       QStringLiteral("καλέσ*"), QStringLiteral("θα σας πω")};
    p.commitments = {QStringLiteral("θα")};
    p.numberWords = {{QStringLiteral("ένα"), 1},   {QStringLiteral("μία"), 1},
                     {QStringLiteral("μια"), 1},   {QStringLiteral("μιας"), 1},
                     {QStringLiteral("ενός"), 1},  {QStringLiteral("δύο"), 2},
                     {QStringLiteral("τρία"), 3},  {QStringLiteral("τρεις"), 3},
                     {QStringLiteral("πέντε"), 5}, {QStringLiteral("δέκα"), 10},
                     {QStringLiteral("δεκαπέντε"), 15}, {QStringLiteral("είκοσι"), 20},
                     {QStringLiteral("τριάντα"), 30}, {QStringLiteral("μισή"), 0.5},
                     {QStringLiteral("μισής"), 0.5}};
    p.datePromise = QRegularExpression(
        QStringLiteral("θα\\s+(?:(?:το|τα|την|τον|σας)\\s+)?(?:φτασει|φτασουν|ερθει|ερθουν|παραδοθει|"
                       "παραδοθουν|παραλαβετε|εχετε|λαβετε)\\b[^.!;\\n]{0,30}?\\b(?:αυριο|μεθαυριο|"
                       "σημερα|αποψε|(?:τη|την|το)\\s+(?:δευτερα|τριτη|τεταρτη|πεμπτη|παρασκευη|σαββατο|"
                       "κυριακη)|μεχρι\\s+(?:τη|την|το)\\s+\\w+|\\d{1,2}/\\d{1,2})"),
        U);
    p.responseTime = QRegularExpression(
        QStringLiteral("(?:εντος|μεσα σε|σε)\\s+(?<n>\\d+|ενα|μια|μιας|ενος|δυο|τρια|τρεις|πεντε|δεκα|"
                       "δεκαπεντε|εικοσι|τριαντα|μιση|μισης)\\s*(?<unit>λεπτ\\w*|ωρ\\w*|ημερ\\w*|"
                       "μερ\\w*|εργασιμ\\w*)"),
        U);
    p.nameGreeting = QStringLiteral("Γεια σας %1,");
    p.nextStepStub = QStringLiteral(" Το επόμενο βήμα: ");
    return p;
}

ToneRulePack built(ToneRulePack pack)
{
    buildMatchers(pack);
    return pack;
}

} // namespace

const ToneRulePack &ToneRulePack::forLanguage(const QString &code)
{
    static const ToneRulePack en = built(english());
    static const ToneRulePack hans = built(chinese(false));
    static const ToneRulePack hant = built(chinese(true));
    static const ToneRulePack el = built(greek());
    const QString resolved = ComposeLanguage::resolve(code);
    if (resolved == QLatin1String("zh-Hans"))
        return hans;
    if (resolved == QLatin1String("zh-Hant"))
        return hant;
    if (resolved == QLatin1String("el"))
        return el;
    return en;
}

} // namespace Counterpart::Compose
