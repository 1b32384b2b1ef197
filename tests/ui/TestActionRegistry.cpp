#include "common/ActionRegistry.h"

#include <QTest>
#include <QWidget>

using namespace Counterpart::Ui;

class TestActionRegistry : public QObject
{
    Q_OBJECT

private slots:
    void triggersTheRegisteredCommand()
    {
        QWidget host;
        ActionRegistry registry(&host);
        int resolved = 0;
        registry.add({QStringLiteral("conversation.resolve"), QStringLiteral("Resolve"), QStringLiteral("Conversation"),
                      {QKeySequence(Qt::Key_E)}},
                     [&] { ++resolved; });
        QVERIFY(registry.trigger(QStringLiteral("conversation.resolve")));
        QCOMPARE(resolved, 1);
        QVERIFY(!registry.trigger(QStringLiteral("no.such.command")));
        registry.action(QStringLiteral("conversation.resolve"))->setEnabled(false);
        QVERIFY(!registry.trigger(QStringLiteral("conversation.resolve")));
        QCOMPARE(resolved, 1);
    }

    void rebindingIsRememberedAndConflictsAreFound()
    {
        QWidget host;
        ActionRegistry registry(&host);
        registry.add({QStringLiteral("a"), QStringLiteral("A"), QString(), {QKeySequence(Qt::Key_A)}}, [] {});
        registry.add({QStringLiteral("s"), QStringLiteral("S"), QString(), {QKeySequence(Qt::Key_S)}}, [] {});
        QVERIFY(registry.bindings().isEmpty());
        QCOMPARE(registry.conflicts(QKeySequence(Qt::Key_S)), QStringList{QStringLiteral("s")});
        QVERIFY(registry.conflicts(QKeySequence(Qt::Key_S), QStringLiteral("s")).isEmpty());

        registry.setShortcuts(QStringLiteral("a"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A), QKeySequence(Qt::Key_Semicolon)});
        const auto saved = ActionRegistry::encode(registry.bindings());
        registry.resetToDefaults();
        QCOMPARE(registry.action(QStringLiteral("a"))->shortcut(), QKeySequence(Qt::Key_A));

        registry.applyBindings(ActionRegistry::decode(saved));
        const QList<QKeySequence> expected{QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A), QKeySequence(Qt::Key_Semicolon)};
        QCOMPARE(registry.action(QStringLiteral("a"))->shortcuts(), expected);
        QCOMPARE(registry.bindings().keys(), QList<QString>{QStringLiteral("a")});
    }

    void decodeIgnoresGarbage()
    {
        const auto bindings = ActionRegistry::decode(QStringLiteral("=x\nnoequals\nok=Ctrl+K;/\n"));
        QCOMPARE(bindings.size(), 1);
        const QList<QKeySequence> expected{QKeySequence(Qt::CTRL | Qt::Key_K), QKeySequence(Qt::Key_Slash)};
        QCOMPARE(bindings.value(QStringLiteral("ok")), expected);
    }
};

QTEST_MAIN(TestActionRegistry)
#include "TestActionRegistry.moc"
