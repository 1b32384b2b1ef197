#include "LatteChecker.h"

#include "ComposeLanguage.h"
#include "FoldedText.h"
#include "PhraseMatcher.h"
#include "search/SearchText.h"

#include <QRegularExpression>
#include <QSet>

namespace Counterpart::Compose {

/** Cues for one language. Phrases are folded by PhraseMatcher; patterns run on folded text. */
struct LatteCues
{
    bool cjk = false;
    PhraseMatcher listen;
    PhraseMatcher acknowledge;
    PhraseMatcher acknowledgeExceptions;
    PhraseMatcher action;
    PhraseMatcher actionExceptions;
    QList<QRegularExpression> actionPatterns;
    PhraseMatcher thank;
    PhraseMatcher explain;
    QList<QRegularExpression> explainPatterns;
    QSet<QString> stopWords;
    QString functionChars; ///< Han characters that make a bigram too common to count
};

namespace {

const auto U = QRegularExpression::UseUnicodePropertiesOption;

// Patterns run on FoldedText, where case folding turns the final sigma into a plain one.
QRegularExpression re(QString pattern)
{
    pattern.replace(u'ς', u'σ');
    QRegularExpression r(pattern, U);
    r.optimize();
    return r;
}

QSet<QString> foldedSet(const QStringList &words)
{
    QSet<QString> set;
    for (const QString &w : words)
        set.insert(FoldedText::fold(w));
    return set;
}

LatteCues englishCues()
{
    LatteCues c;
    c.listen = PhraseMatcher({QStringLiteral("you mentioned"), QStringLiteral("you said"),
                              QStringLiteral("you wrote"), QStringLiteral("as you described"),
                              QStringLiteral("you told us")});
    c.acknowledge = PhraseMatcher(
        {QStringLiteral("sorry"), QStringLiteral("apologi*"), QStringLiteral("my apologies"),
         QStringLiteral("i understand"), QStringLiteral("i can imagine"),
         QStringLiteral("i know how"), QStringLiteral("i know that"),
         QStringLiteral("frustrat*"), QStringLiteral("disappoint*"), QStringLiteral("annoying"),
         QStringLiteral("stressful"), QStringLiteral("worrying"), QStringLiteral("upsetting"),
         QStringLiteral("must have been"), QStringLiteral("you're right"),
         QStringLiteral("you are right"), QStringLiteral("not the experience"),
         QStringLiteral("not the quality"), QStringLiteral("isn't right"),
         QStringLiteral("not right"), QStringLiteral("much use"),
         QStringLiteral("last thing you need"), QStringLiteral("you deserve"),
         QStringLiteral("on our side"), QStringLiteral("our mistake"),
         QStringLiteral("our fault"), QStringLiteral("that's on us"),
         QStringLiteral("understandably")});
    c.acknowledgeExceptions = PhraseMatcher(
        {QStringLiteral("apologize for any inconvenience"),
         QStringLiteral("apologise for any inconvenience"),
         QStringLiteral("sorry for any inconvenience"),
         QStringLiteral("apologies for any inconvenience")});
    c.actionPatterns = {
        re(QStringLiteral(
            "\\b(?:i|we)(?:'ve|'m|'re| have| am| are)?(?:\\s+(?:just|already|now|personally|also|"
            "then))?\\s+(?:issued|issuing|refunded|refunding|sent|sending|resent|shipped|shipping|"
            "escalated|escalating|arranged|arranging|booked|booking|reset|resetting|processed|"
            "processing|credited|crediting|cancell?ed|cancell?ing|replaced|replacing|created|"
            "scheduled|updated|updating|added|applied|opened|filed|flagged|contacted|contacting|"
            "reached out|asked|passed|forwarded|reserved|upgraded|upgrading|fixed|fixing|restored|"
            "unlocked|verified|changed|switched|moved|removed|waived|started|starting|expedited|"
            "requested|set up|setting up|emailed|reissued|voided|corrected|raised|logged|placed|"
            "marked|prioriti[sz]ed|recorded|reactivated|extended|rebooked|sorted|returned|put|"
            "chasing|talked to|spoke to|spoken to)\\b")),
        re(QStringLiteral(
            "\\b(?:has|have) been (?:issued|refunded|sent|shipped|cancell?ed|processed|credited|"
            "replaced|reset|escalated|updated|approved|rebooked|resent)\\b|\\b(?:is|are) (?:now "
            "|already )?(?:cancell?ed|refunded|on (?:its|their) way)\\b")),
    };
    c.thank = PhraseMatcher({QStringLiteral("thank*"), QStringLiteral("appreciate*"),
                             QStringLiteral("grateful")});
    c.explain = PhraseMatcher(
        {QStringLiteral("within"), QStringLiteral("business days"),
         QStringLiteral("working days"), QStringLiteral("next step*"),
         QStringLiteral("what happens next"), QStringLiteral("in the meantime"),
         QStringLiteral("no need to"), QStringLiteral("there's no need"),
         QStringLiteral("you don't need to"), QStringLiteral("nothing you need to do"),
         QStringLiteral("after that"), QStringLiteral("should reach"),
         QStringLiteral("should arrive"), QStringLiteral("will arrive"),
         QStringLiteral("will reflect"), QStringLiteral("usually take*"),
         QStringLiteral("normally take*"), QStringLiteral("typically take*"),
         QStringLiteral("the invite is"), QStringLiteral("tracking number"),
         QStringLiteral("tracking link"), QStringLiteral("i'll let you know"),
         QStringLiteral("i will let you know"), QStringLiteral("i'll update you"),
         QStringLiteral("i'll email you"), QStringLiteral("i'll send"),
         QStringLiteral("i will send"), QStringLiteral("i'll reset"),
         QStringLiteral("i'll arrange"), QStringLiteral("i'll check"),
         QStringLiteral("i'll follow up"), QStringLiteral("i'll call"),
         QStringLiteral("will go out"), QStringLiteral("either way"),
         QStringLiteral("we'll ship"), QStringLiteral("we will ship"),
         QStringLiteral("will be back"), QStringLiteral("still on for"),
         QStringLiteral("this means")});
    c.explainPatterns = {
        re(QStringLiteral("\\byou(?:'ll| will)\\s+(?:\\w+\\s+)?(?:receive|get|see|have|hear)\\b")),
        re(QStringLiteral("\\bat \\d{1,2}(?::\\d\\d)?\\s*(?:am|pm)\\b|\\b\\d{1,2}:\\d\\d\\b")),
        re(QStringLiteral("\\bas soon as (?!possible)")),
        re(QStringLiteral("\\bnext (?:invoice|bill|step|steps|delivery|shipment|payment)\\b")),
    };
    c.stopWords = foldedSet(
        {QStringLiteral("the"), QStringLiteral("and"), QStringLiteral("for"), QStringLiteral("you"),
         QStringLiteral("your"), QStringLiteral("yours"), QStringLiteral("are"), QStringLiteral("was"),
         QStringLiteral("were"), QStringLiteral("but"), QStringLiteral("not"), QStringLiteral("can"),
         QStringLiteral("get"), QStringLiteral("got"), QStringLiteral("has"), QStringLiteral("have"),
         QStringLiteral("had"), QStringLiteral("this"), QStringLiteral("that"), QStringLiteral("with"),
         QStringLiteral("from"), QStringLiteral("will"), QStringLiteral("would"), QStringLiteral("could"),
         QStringLiteral("should"), QStringLiteral("there"), QStringLiteral("their"), QStringLiteral("they"),
         QStringLiteral("them"), QStringLiteral("then"), QStringLiteral("than"), QStringLiteral("what"),
         QStringLiteral("when"), QStringLiteral("where"), QStringLiteral("which"), QStringLiteral("who"),
         QStringLiteral("why"), QStringLiteral("how"), QStringLiteral("just"), QStringLiteral("been"),
         QStringLiteral("being"), QStringLiteral("into"), QStringLiteral("about"), QStringLiteral("after"),
         QStringLiteral("before"), QStringLiteral("also"), QStringLiteral("only"), QStringLiteral("very"),
         QStringLiteral("really"), QStringLiteral("still"), QStringLiteral("yet"), QStringLiteral("all"),
         QStringLiteral("any"), QStringLiteral("some"), QStringLiteral("our"), QStringLiteral("out"),
         QStringLiteral("now"), QStringLiteral("its"), QStringLiteral("it's"), QStringLiteral("i'm"),
         QStringLiteral("i've"), QStringLiteral("don't"), QStringLiteral("doesn't"),
         QStringLiteral("didn't"), QStringLiteral("hasn't"), QStringLiteral("haven't"),
         QStringLiteral("can't"), QStringLiteral("won't"), QStringLiteral("isn't"),
         QStringLiteral("wasn't"), QStringLiteral("please"), QStringLiteral("thanks"),
         QStringLiteral("thank"), QStringLiteral("hello"), QStringLiteral("help"),
         QStringLiteral("like"), QStringLiteral("make"), QStringLiteral("made"), QStringLiteral("sure"),
         QStringLiteral("know"), QStringLiteral("need"), QStringLiteral("want"), QStringLiteral("said"),
         QStringLiteral("says"), QStringLiteral("say"), QStringLiteral("one"), QStringLiteral("two"),
         QStringLiteral("time"), QStringLiteral("today"), QStringLiteral("day"), QStringLiteral("days"),
         QStringLiteral("week"), QStringLiteral("weeks"), QStringLiteral("ago"), QStringLiteral("since"),
         QStringLiteral("again"), QStringLiteral("never"), QStringLiteral("even"), QStringLiteral("back"),
         QStringLiteral("here"), QStringLiteral("more"), QStringLiteral("much"), QStringLiteral("many"),
         QStringLiteral("did"), QStringLiteral("does"), QStringLiteral("doing"), QStringLiteral("done"),
         QStringLiteral("going"), QStringLiteral("let"), QStringLiteral("may"), QStringLiteral("might"),
         QStringLiteral("must"), QStringLiteral("yes"), QStringLiteral("off"), QStringLiteral("own"),
         QStringLiteral("same"), QStringLiteral("too"), QStringLiteral("way"), QStringLiteral("well"),
         QStringLiteral("thing"), QStringLiteral("things"), QStringLiteral("something"),
         QStringLiteral("anything"), QStringLiteral("nothing"), QStringLiteral("honestly"),
         QStringLiteral("contact"), QStringLiteral("message"), QStringLiteral("issue"),
         QStringLiteral("problem"), QStringLiteral("question"), QStringLiteral("request"),
         QStringLiteral("team"), QStringLiteral("customer"), QStringLiteral("support"),
         QStringLiteral("service"), QStringLiteral("email"), QStringLiteral("order"),
         QStringLiteral("orders"), QStringLiteral("able"), QStringLiteral("because"),
         QStringLiteral("while"), QStringLiteral("other"), QStringLiteral("every")});
    return c;
}

LatteCues chineseCues(bool traditional)
{
    LatteCues c;
    c.cjk = true;
    Q_UNUSED(traditional)
    // Both scripts in one table: agents mix them, and a simplified cue in a traditional draft
    // still shows the step.
    c.listen = PhraseMatcher({QStringLiteral("您提到"), QStringLiteral("您说"), QStringLiteral("您說"),
                              QStringLiteral("您反映"), QStringLiteral("您描述")});
    c.acknowledge = PhraseMatcher(
        {QStringLiteral("抱歉"), QStringLiteral("对不起"), QStringLiteral("對不起"),
         QStringLiteral("道歉"), QStringLiteral("不好意思"), QStringLiteral("理解"),
         QStringLiteral("着急"), QStringLiteral("著急"), QStringLiteral("糟心"),
         QStringLiteral("失望"), QStringLiteral("不舒服"), QStringLiteral("麻烦了"),
         QStringLiteral("麻煩了"), QStringLiteral("困扰"), QStringLiteral("困擾"),
         QStringLiteral("担心"), QStringLiteral("擔心"), QStringLiteral("久等"),
         QStringLiteral("扫兴"), QStringLiteral("掃興"), QStringLiteral("不满"),
         QStringLiteral("不滿"), QStringLiteral("影响很大"), QStringLiteral("影響非常大"),
         QStringLiteral("影響很大"), QStringLiteral("卡住"), QStringLiteral("委屈"),
         QStringLiteral("辛苦"), QStringLiteral("您说得对"), QStringLiteral("您說得對")});
    c.acknowledgeExceptions = PhraseMatcher(
        {QStringLiteral("给您带来不便"), QStringLiteral("給您帶來不便"),
         QStringLiteral("造成您的不便"), QStringLiteral("敬请谅解"), QStringLiteral("敬請諒解")});
    c.actionPatterns = {re(QStringLiteral(
        "(?:已经|已經|已|正在|刚刚|剛剛)(?:为您|為您|帮您|幫您|给您|給您|替您)?(?:(?:向|把|和|跟)[^，。！？\\n]"
        "{1,16}?)?(?:办理|辦理|退款|退回|安排|提交|提出|重置|重設|寄出|寄了|发出|發出|发送|發送|补发|補發|补寄|"
        "補寄|联系|聯繫|聯絡|申请|申請|创建|建立|升级|升級|转交|轉交|更换|更換|取消|处理|處理|预约|預約|加急|"
        "退还|退還|登记|登記|改成|改好|修改|更改|标记|標記|记录|記錄|修好|开通|開通|解锁|解鎖|恢复|恢復|查件)"))};
    c.actionExceptions = PhraseMatcher(
        {QStringLiteral("转交相关部门"), QStringLiteral("轉交相關部門"), QStringLiteral("处理中"),
         QStringLiteral("處理中")});
    c.thank = PhraseMatcher({QStringLiteral("谢谢"), QStringLiteral("謝謝"), QStringLiteral("感谢"),
                             QStringLiteral("感謝"), QStringLiteral("多谢"), QStringLiteral("多謝")});
    c.explain = PhraseMatcher(
        {QStringLiteral("预计"), QStringLiteral("預計"), QStringLiteral("工作日"),
         QStringLiteral("工作天"), QStringLiteral("下一步"), QStringLiteral("接下来"),
         QStringLiteral("接下來"), QStringLiteral("届时"), QStringLiteral("屆時"),
         QStringLiteral("到时"), QStringLiteral("到時"), QStringLiteral("之后"),
         QStringLiteral("之後"), QStringLiteral("后您"), QStringLiteral("後您"),
         QStringLiteral("稍后"), QStringLiteral("稍後"), QStringLiteral("随后"),
         QStringLiteral("隨後"), QStringLiteral("一旦"), QStringLiteral("一般"),
         QStringLiteral("通常"), QStringLiteral("不用"), QStringLiteral("不需要"),
         QStringLiteral("无需"), QStringLiteral("無需"), QStringLiteral("会给您"),
         QStringLiteral("會給您"), QStringLiteral("我会"), QStringLiteral("我會"),
         QStringLiteral("会通知"), QStringLiteral("會通知"), QStringLiteral("发您"),
         QStringLiteral("寄給您"), QStringLiteral("寄给您"), QStringLiteral("发到您"),
         QStringLiteral("發到您"), QStringLiteral("会送到"), QStringLiteral("會送到"),
         QStringLiteral("就会"), QStringLiteral("就會"), QStringLiteral("您将收到"),
         QStringLiteral("您會收到"), QStringLiteral("您会收到")});
    c.explainPatterns = {re(QStringLiteral(
        "\\d+\\s*(?:分钟|分鐘|小时|小時|天|个工作日|個工作天)\\s*(?:内|內)|[上下]午\\s*\\d{1,2}\\s*[点點]"))};
    c.functionChars = QStringLiteral(
        "的了是我您你他她它们們吗嗎呢吧啊和在也都就还還很又把被给給为為这這那有没沒不一个個到说說要会會能");
    return c;
}

LatteCues greekCues()
{
    LatteCues c;
    c.listen = PhraseMatcher({QStringLiteral("όπως αναφέρατε"), QStringLiteral("μου γράψατε"),
                              QStringLiteral("όπως περιγράψατε"), QStringLiteral("αναφέρατε ότι")});
    c.acknowledge = PhraseMatcher(
        {QStringLiteral("λυπάμαι"), QStringLiteral("λυπούμαστε"), QStringLiteral("συγγνώμη"),
         QStringLiteral("καταλαβαίνω"), QStringLiteral("έχετε δίκιο"), QStringLiteral("απογοητ*"),
         QStringLiteral("εκνευριστικ*"), QStringLiteral("αγχωτικ*"), QStringLiteral("ταλαιπωρ*"),
         QStringLiteral("ενοχλητικ*"), QStringLiteral("δική μας"), QStringLiteral("δικό μας λάθος"),
         QStringLiteral("χειρότερο"), QStringLiteral("δεν κάνουν για"),
         QStringLiteral("δεν είναι αυτή η ποιότητα"), QStringLiteral("δεν έπρεπε να")});
    c.acknowledgeExceptions = PhraseMatcher(
        {QStringLiteral("συγγνώμη για οποιαδήποτε αναστάτωση"),
         QStringLiteral("για την όποια ταλαιπωρία")});
    c.action = PhraseMatcher(
        {QStringLiteral("*έστειλα"), QStringLiteral("στείλαμε"), QStringLiteral("κανόνισα"),
         QStringLiteral("κανονίσαμε"), QStringLiteral("ακύρωσα"), QStringLiteral("ακυρώσαμε"),
         QStringLiteral("προχώρησα"), QStringLiteral("επέστρεψα"), QStringLiteral("επιστρέψαμε"),
         QStringLiteral("επικοινώνησα"), QStringLiteral("καταχώρισα"), QStringLiteral("καταχώρησα"),
         QStringLiteral("δημιούργησα"), QStringLiteral("προώθησα"), QStringLiteral("εξέδωσα"),
         QStringLiteral("επανέφερα"), QStringLiteral("άλλαξα"), QStringLiteral("αλλάξαμε"),
         QStringLiteral("ζήτησα"), QStringLiteral("άνοιξα"), QStringLiteral("έβαλα"),
         QStringLiteral("έκανα"), QStringLiteral("διόρθωσα"), QStringLiteral("διορθώσαμε"),
         QStringLiteral("φτιάξαμε"), QStringLiteral("έφτιαξα"), QStringLiteral("ενεργοποίησα"),
         QStringLiteral("κλιμάκωσα"), QStringLiteral("αναβάθμισα"), QStringLiteral("πίστωσα"),
         QStringLiteral("ξεκίνησα"), QStringLiteral("ακυρώθηκε"), QStringLiteral("έχει σταλεί"),
         QStringLiteral("έχει εκδοθεί"), QStringLiteral("έχει ακυρωθεί"),
         QStringLiteral("έχει εγκριθεί"), QStringLiteral("στάλθηκε")});
    c.actionPatterns = {re(QStringLiteral("\\b(?:εχω|εχουμε)\\s+(?:ηδη\\s+)?\\w+ει\\b"))};
    c.thank = PhraseMatcher({QStringLiteral("ευχαριστ*"), QStringLiteral("εκτιμώ"),
                             QStringLiteral("εκτιμούμε")});
    c.explain = PhraseMatcher(
        {QStringLiteral("θα λάβετε"), QStringLiteral("θα δείτε"), QStringLiteral("εντός"),
         QStringLiteral("μέσα σε"), QStringLiteral("εργάσιμ*"), QStringLiteral("επόμενο βήμα"),
         QStringLiteral("στη συνέχεια"), QStringLiteral("αναμένεται"), QStringLiteral("συνήθως"),
         QStringLiteral("δεν χρειάζεται να"), QStringLiteral("σε λίγα λεπτά")});
    c.explainPatterns = {
        re(QStringLiteral("θα\\s+(?:(?:το|τα|την|τον|σας)\\s+){0,2}(?:λαβετε|δειτε|φτασ\\w*|ενημερωσ\\w*|"
                          "στειλ\\w*|εξηγησ\\w*|αλλαξ\\w*|παραλαβετε|απαντησ\\w*|επιστρεψ\\w*|"
                          "κανονισ\\w*)")),
        re(QStringLiteral("μολις\\s+\\w+(?:ει|ουν)\\b")),
        re(QStringLiteral("στις\\s+\\d{1,2}(?::\\d\\d)?")),
    };
    c.stopWords = foldedSet(
        {QStringLiteral("και"), QStringLiteral("να"), QStringLiteral("το"), QStringLiteral("τα"),
         QStringLiteral("την"), QStringLiteral("της"), QStringLiteral("του"), QStringLiteral("των"),
         QStringLiteral("τον"), QStringLiteral("τις"), QStringLiteral("τους"), QStringLiteral("με"),
         QStringLiteral("για"), QStringLiteral("από"), QStringLiteral("που"), QStringLiteral("δεν"),
         QStringLiteral("θα"), QStringLiteral("είναι"), QStringLiteral("μου"), QStringLiteral("σας"),
         QStringLiteral("μας"), QStringLiteral("ότι"), QStringLiteral("ένα"), QStringLiteral("μια"),
         QStringLiteral("στο"), QStringLiteral("στη"), QStringLiteral("στην"), QStringLiteral("στον"),
         QStringLiteral("στα"), QStringLiteral("αλλά"), QStringLiteral("ακόμα"), QStringLiteral("έχω"),
         QStringLiteral("έχει"), QStringLiteral("έχετε"), QStringLiteral("έχουμε"),
         QStringLiteral("όπως"), QStringLiteral("όταν"), QStringLiteral("πολύ"), QStringLiteral("αυτό"),
         QStringLiteral("αυτή"), QStringLiteral("αυτόν"), QStringLiteral("μπορώ"),
         QStringLiteral("μπορείτε"), QStringLiteral("μπορεί"), QStringLiteral("θέλω"),
         QStringLiteral("παρακαλώ"), QStringLiteral("ευχαριστώ"), QStringLiteral("γεια"),
         QStringLiteral("πριν"), QStringLiteral("μετά"), QStringLiteral("τώρα"), QStringLiteral("ήδη"),
         QStringLiteral("δύο"), QStringLiteral("ποτέ"), QStringLiteral("τίποτα"), QStringLiteral("κάτι"),
         QStringLiteral("όλα"), QStringLiteral("όλη"), QStringLiteral("όλο"), QStringLiteral("γιατί"),
         QStringLiteral("πώς"), QStringLiteral("αν"), QStringLiteral("όμως"), QStringLiteral("μόνο"),
         QStringLiteral("είχα"), QStringLiteral("ήταν"), QStringLiteral("έγινε"), QStringLiteral("είπα"),
         QStringLiteral("καλησπέρα"), QStringLiteral("καλημέρα"), QStringLiteral("παραγγελία"),
         QStringLiteral("παραγγελίας"), QStringLiteral("μέρες"), QStringLiteral("μέρα"),
         QStringLiteral("μήνα"), QStringLiteral("ήρθε"), QStringLiteral("πήρα")});
    return c;
}

struct Hit
{
    qsizetype start = -1;
    qsizetype end = -1;
    bool valid() const { return start >= 0; }
};

bool inside(const QList<PhraseHit> &spans, qsizetype start, qsizetype end)
{
    for (const PhraseHit &s : spans) {
        if (s.start <= start && end <= s.end)
            return true;
    }
    return false;
}

void keepEarliest(Hit &best, qsizetype start, qsizetype end)
{
    if (!best.valid() || start < best.start)
        best = {start, end};
}

Hit firstCue(const QString &folded, const PhraseMatcher &phrases,
             const QList<QRegularExpression> &patterns, const PhraseMatcher &exceptions)
{
    const QList<PhraseHit> excluded = exceptions.isEmpty() ? QList<PhraseHit>()
                                                           : exceptions.findAll(folded);
    Hit best;
    if (!phrases.isEmpty()) {
        for (const PhraseHit &h : phrases.findAll(folded)) {
            if (!inside(excluded, h.start, h.end)) {
                keepEarliest(best, h.start, h.end);
                break; // findAll is sorted by start
            }
        }
    }
    for (const QRegularExpression &pattern : patterns) {
        auto it = pattern.globalMatch(folded);
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            if (best.valid() && m.capturedStart() >= best.start)
                break;
            if (!inside(excluded, m.capturedStart(), m.capturedEnd())) {
                keepEarliest(best, m.capturedStart(), m.capturedEnd());
                break;
            }
        }
    }
    return best;
}

struct Word
{
    qsizetype start;
    qsizetype end;
    QString text;
};

// Words of an alphabetic script (Latin, Greek, Cyrillic); Han runs are handled as bigrams.
QList<Word> alphabeticWords(const QString &folded)
{
    QList<Word> words;
    qsizetype i = 0;
    const qsizetype n = folded.size();
    while (i < n) {
        const QChar c = folded.at(i);
        if (!c.isLetter() || Search::SearchText::isHan(c)) {
            ++i;
            continue;
        }
        qsizetype j = i;
        while (j < n) {
            const QChar d = folded.at(j);
            if (d.isLetter() && !Search::SearchText::isHan(d)) {
                ++j;
            } else if (d == QLatin1Char('\'') && j + 1 < n && folded.at(j + 1).isLetter()) {
                ++j;
            } else {
                break;
            }
        }
        words.append({i, j, folded.mid(i, j - i)});
        i = j;
    }
    return words;
}

bool sameStem(const QString &a, const QString &b)
{
    if (a.size() < 4 || b.size() < 4)
        return a == b;
    qsizetype common = 0;
    const qsizetype limit = qMin(a.size(), b.size());
    while (common < limit && a.at(common) == b.at(common))
        ++common;
    return common >= qMax<qsizetype>(4, limit - 2);
}

// Tokens with a digit or "@": order numbers, invoice ids, codes, e-mail addresses.
QStringList identifiers(const QString &folded)
{
    static const QRegularExpression token(
        QStringLiteral("[\\p{L}\\p{N}#][\\p{L}\\p{N}\\-_.@/]*[\\p{L}\\p{N}]"), U);
    QStringList out;
    auto it = token.globalMatch(folded);
    while (it.hasNext()) {
        QString t = it.next().captured();
        if (t.startsWith(QLatin1Char('#')))
            t.remove(0, 1);
        bool hasDigit = false;
        for (const QChar c : t)
            hasDigit = hasDigit || c.isDigit();
        if (t.size() >= 3 && (hasDigit || t.contains(QLatin1Char('@')))) {
            // A Han run glued to a number ("订单20231588") is not part of the identifier.
            qsizetype k = 0;
            while (k < t.size() && Search::SearchText::isHan(t.at(k)))
                ++k;
            t = t.mid(k);
            if (t.size() >= 3 && !out.contains(t))
                out.append(t);
        }
    }
    return out;
}

Hit findIdentifier(const QString &foldedReply, const QStringList &ids)
{
    Hit best;
    for (const QString &id : ids) {
        qsizetype at = foldedReply.indexOf(id);
        while (at >= 0) {
            const bool startOk = at == 0 || !foldedReply.at(at - 1).isLetterOrNumber();
            const qsizetype end = at + id.size();
            const bool endOk = end >= foldedReply.size() || !foldedReply.at(end).isLetterOrNumber();
            if (startOk && endOk) {
                keepEarliest(best, at, end);
                break;
            }
            at = foldedReply.indexOf(id, at + 1);
        }
    }
    return best;
}

Hit listenByOverlap(const LatteCues &cues, const QString &reply, const QString &customer)
{
    int score = 0;
    Hit evidence;

    QList<Word> customerWords;
    for (const Word &w : alphabeticWords(customer)) {
        if (w.text.size() >= 3 && !cues.stopWords.contains(w.text))
            customerWords.append(w);
    }
    QSet<int> matchedCustomer;
    for (const Word &r : alphabeticWords(reply)) {
        if (r.text.size() < 3 || cues.stopWords.contains(r.text))
            continue;
        for (int i = 0; i < customerWords.size(); ++i) {
            if (matchedCustomer.contains(i) || !sameStem(r.text, customerWords.at(i).text))
                continue;
            matchedCustomer.insert(i);
            // A long, specific word ("presentation", "τιμολόγιο") says more than a short one.
            score += customerWords.at(i).text.size() >= 7 ? 2 : 1;
            keepEarliest(evidence, r.start, r.end);
            break;
        }
    }

    if (!cues.functionChars.isEmpty()) {
        QSet<QString> bigrams;
        for (qsizetype i = 0; i + 1 < customer.size(); ++i) {
            const QChar a = customer.at(i);
            const QChar b = customer.at(i + 1);
            if (Search::SearchText::isHan(a) && Search::SearchText::isHan(b)
                && !cues.functionChars.contains(a) && !cues.functionChars.contains(b))
                bigrams.insert(customer.mid(i, 2));
        }
        QSet<QString> matched;
        for (qsizetype i = 0; i + 1 < reply.size() && !bigrams.isEmpty(); ++i) {
            const QString bigram = reply.mid(i, 2);
            if (bigrams.contains(bigram) && !matched.contains(bigram)) {
                matched.insert(bigram);
                keepEarliest(evidence, i, i + 2);
            }
        }
        score += int(matched.size());
    }
    return score >= 2 ? evidence : Hit();
}

Hit detectListen(const LatteCues &cues, const QString &reply, const QString &customer)
{
    Hit best = firstCue(reply, cues.listen, {}, PhraseMatcher());
    if (!customer.trimmed().isEmpty()) {
        const Hit id = findIdentifier(reply, identifiers(customer));
        if (id.valid())
            keepEarliest(best, id.start, id.end);
        const Hit overlap = listenByOverlap(cues, reply, customer);
        if (overlap.valid())
            keepEarliest(best, overlap.start, overlap.end);
    } else {
        // Without the customer's words, quoting an order or ticket number is the best sign left.
        static const QRegularExpression number(QStringLiteral("#?\\b\\d{4,}\\b"), U);
        const QRegularExpressionMatch m = number.match(reply);
        if (m.hasMatch())
            keepEarliest(best, m.capturedStart(), m.capturedEnd());
    }
    return best;
}

const LatteCues &cuesFor(const QString &code)
{
    static const LatteCues en = englishCues();
    static const LatteCues hans = chineseCues(false);
    static const LatteCues hant = chineseCues(true);
    static const LatteCues el = greekCues();
    if (code == QLatin1String("zh-Hans"))
        return hans;
    if (code == QLatin1String("zh-Hant"))
        return hant;
    if (code == QLatin1String("el"))
        return el;
    return en;
}

} // namespace

LatteChecker::LatteChecker(const QString &language)
    : m_language(ComposeLanguage::resolve(language))
    , m_cues(&cuesFor(m_language))
{
}

LatteResult LatteChecker::check(const QString &reply, const QString &customerMessage) const
{
    const QString folded = FoldedText::fold(reply);
    const QString customer = FoldedText::fold(customerMessage);
    const LatteCues &c = *m_cues;

    LatteResult result;
    auto record = [&](LatteStep step, const Hit &hit) {
        if (!hit.valid())
            return;
        LatteEvidence &e = result.step(step);
        e.detected = true;
        e.start = hit.start;
        e.end = hit.end;
        e.text = reply.mid(hit.start, hit.end - hit.start);
    };
    record(LatteStep::Listen, detectListen(c, folded, customer));
    record(LatteStep::Acknowledge, firstCue(folded, c.acknowledge, {}, c.acknowledgeExceptions));
    record(LatteStep::TakeAction, firstCue(folded, c.action, c.actionPatterns, c.actionExceptions));
    record(LatteStep::Thank, firstCue(folded, c.thank, {}, PhraseMatcher()));
    record(LatteStep::Explain, firstCue(folded, c.explain, c.explainPatterns, PhraseMatcher()));
    return result;
}

} // namespace Counterpart::Compose
