#include "cli/LintCommand.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Counterpart;

class TestLintCommand : public QObject
{
    Q_OBJECT

private slots:
    void printsLatteAndFindings();
    void readsStandardInput();
    void badUsageExitsWithTwo_data();
    void badUsageExitsWithTwo();

private:
    static int run(const QStringList &args, const QString &stdinText, QString *out, QString *err);
    QTemporaryDir m_dir;
};

int TestLintCommand::run(const QStringList &args, const QString &stdinText, QString *out, QString *err)
{
    QString input = stdinText;
    QTextStream in(&input);
    QTextStream o(out);
    QTextStream e(err);
    return Cli::runLint(args, in, o, e);
}

static QString writeFile(const QTemporaryDir &dir, const QString &name, const QString &text)
{
    QFile file(dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly))
        return QString();
    file.write(text.toUtf8());
    return file.fileName();
}

void TestLintCommand::printsLatteAndFindings()
{
    const QString draft = writeFile(m_dir, QStringLiteral("draft.txt"),
        QStringLiteral("Hi Tom, you must send the blender back first. I guarantee the refund."));
    const QString customer = writeFile(m_dir, QStringLiteral("customer.txt"),
        QStringLiteral("My blender arrived broken and I want a refund."));
    QString out, err;
    QCOMPARE(run({QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--customer"),
                  customer, QStringLiteral("--formality"), QStringLiteral("formal"), draft},
                 QString(), &out, &err),
             0);
    QVERIFY2(err.isEmpty(), qPrintable(err));
    const QJsonObject root = QJsonDocument::fromJson(out.toUtf8()).object();
    QCOMPARE(root.value(u"language").toString(), QStringLiteral("en"));
    const QJsonObject latte = root.value(u"latte").toObject();
    QCOMPARE(latte.keys(), (QStringList{QStringLiteral("acknowledge"), QStringLiteral("explain"),
                                        QStringLiteral("listen"), QStringLiteral("take_action"),
                                        QStringLiteral("thank")}));
    const QJsonObject listen = latte.value(u"listen").toObject();
    QVERIFY(listen.value(u"present").toBool());
    QCOMPARE(listen.value(u"evidence").toString(), QStringLiteral("blender"));
    QVERIFY(!latte.value(u"thank").toObject().value(u"present").toBool());
    QVERIFY(!latte.value(u"thank").toObject().contains(u"start"));

    QStringList rules;
    for (const QJsonValue &v : root.value(u"findings").toArray()) {
        const QJsonObject f = v.toObject();
        rules.append(f.value(u"rule").toString());
        QVERIFY(f.contains(u"start") && f.contains(u"end") && f.contains(u"severity")
                && f.contains(u"message") && f.contains(u"suggestion"));
    }
    QVERIFY2(rules.contains(QStringLiteral("blame.demand")), qPrintable(rules.join(QLatin1Char(','))));
    QVERIFY(rules.contains(QStringLiteral("promise.guarantee")));
    const QJsonObject first = root.value(u"findings").toArray().first().toObject();
    QCOMPARE(first.value(u"rule").toString(), QStringLiteral("blame.demand"));
    QCOMPARE(first.value(u"start").toInt(), 8);
    QCOMPARE(first.value(u"end").toInt(), 16);
    QCOMPARE(first.value(u"severity").toString(), QStringLiteral("medium"));
}

void TestLintCommand::readsStandardInput()
{
    QString out, err;
    QCOMPARE(run({QStringLiteral("--lang"), QStringLiteral("zh-Hans"), QStringLiteral("-")},
                 QStringLiteral("很遗憾，这是我们的规定。谢谢！"), &out, &err),
             0);
    const QJsonObject root = QJsonDocument::fromJson(out.toUtf8()).object();
    QVERIFY(root.value(u"latte").toObject().value(u"thank").toObject().value(u"present").toBool());
    QStringList rules;
    for (const QJsonValue &v : root.value(u"findings").toArray())
        rules.append(v.toObject().value(u"rule").toString());
    QCOMPARE(rules, (QStringList{QStringLiteral("negative.unfortunately"),
                                 QStringLiteral("negative.policy")}));
}

void TestLintCommand::badUsageExitsWithTwo_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("no lang") << QStringList{QStringLiteral("-")};
    QTest::newRow("unknown lang") << QStringList{QStringLiteral("--lang"), QStringLiteral("fr"), QStringLiteral("-")};
    QTest::newRow("bad formality") << QStringList{QStringLiteral("--lang"), QStringLiteral("en"),
                                                  QStringLiteral("--formality"), QStringLiteral("posh"), QStringLiteral("-")};
    QTest::newRow("no file") << QStringList{QStringLiteral("--lang"), QStringLiteral("en")};
    QTest::newRow("missing file") << QStringList{QStringLiteral("--lang"), QStringLiteral("en"),
                                                 QStringLiteral("/nonexistent/draft.txt")};
    QTest::newRow("unknown option") << QStringList{QStringLiteral("--lang"), QStringLiteral("en"),
                                                   QStringLiteral("--loud"), QStringLiteral("-")};
}

void TestLintCommand::badUsageExitsWithTwo()
{
    QFETCH(QStringList, args);
    QString out, err;
    QCOMPARE(run(args, QStringLiteral("Hello"), &out, &err), 2);
    QVERIFY(out.isEmpty());
    QVERIFY(err.startsWith(QLatin1String("lint: ")));
}

QTEST_GUILESS_MAIN(TestLintCommand)
#include "TestLintCommand.moc"
