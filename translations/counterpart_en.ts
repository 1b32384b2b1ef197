<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Counterpart::Models::AgentReviewSummaryModel</name>
    <message numerus="yes">
        <source>Weekly average over the last %n week(s); the figure compares the latest reviewed week with the one before</source>
        <translation>
            <numerusform>Weekly average over the last %n week; the figure compares the latest reviewed week with the one before</numerusform>
            <numerusform>Weekly average over the last %n weeks; the figure compares the latest reviewed week with the one before</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Counterpart::Models::ViewListModel</name>
    <message numerus="yes">
        <source>%1, %n conversation(s)</source>
        <translation>
            <numerusform>%1, %n conversation</numerusform>
            <numerusform>%1, %n conversations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Counterpart::Sync::SyncEngine</name>
    <message numerus="yes">
        <source>%1: %n outbox item(s) could not be sent: %2</source>
        <translation>
            <numerusform>%1: %n outbox item could not be sent: %2</numerusform>
            <numerusform>%1: %n outbox items could not be sent: %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Counterpart::Ui::AnnotationPanel</name>
    <message numerus="yes">
        <source>%n annotation(s) already</source>
        <translation>
            <numerusform>%n annotation already</numerusform>
            <numerusform>%n annotations already</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Counterpart::Ui::DashboardWindow</name>
    <message numerus="yes">
        <source>%n conversation(s) opened in this period · times in %1, %2 · refreshed in %3 ms</source>
        <translation>
            <numerusform>%n conversation opened in this period · times in %1, %2 · refreshed in %3 ms</numerusform>
            <numerusform>%n conversations opened in this period · times in %1, %2 · refreshed in %3 ms</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n first response(s)</source>
        <translation>
            <numerusform>%n first response</numerusform>
            <numerusform>%n first responses</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n still waiting for a first reply</source>
        <translation>
            <numerusform>%n still waiting for a first reply</numerusform>
            <numerusform>%n still waiting for a first reply</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rating(s)</source>
        <translation>
            <numerusform>%n rating</numerusform>
            <numerusform>%n ratings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n repeat customer(s)</source>
        <translation>
            <numerusform>%n repeat customer</numerusform>
            <numerusform>%n repeat customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n table(s) written to %1</source>
        <translation>
            <numerusform>%n table written to %1</numerusform>
            <numerusform>%n tables written to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Counterpart::Ui::MainWindow</name>
    <message numerus="yes">
        <source>%n conversation(s) in this view</source>
        <translation>
            <numerusform>%n conversation in this view</numerusform>
            <numerusform>%n conversations in this view</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Counterpart::Ui::ReviewWindow</name>
    <message numerus="yes">
        <source>%1 of %n matching conversation(s), drawn at random</source>
        <translation>
            <numerusform>%1 of %n matching conversation, drawn at random</numerusform>
            <numerusform>%1 of %n matching conversations, drawn at random</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conversation(s) to review</source>
        <translation>
            <numerusform>%n conversation to review</numerusform>
            <numerusform>%n conversations to review</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Counterpart::Ui::SavedViewDialog</name>
    <message numerus="yes">
        <source>Matches %n conversation now</source>
        <translation>
            <numerusform>Matches %n conversation now</numerusform>
            <numerusform>Matches %n conversation now</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Matches %n conversations now</source>
        <translation>
            <numerusform>Matches %n conversations now</numerusform>
            <numerusform>Matches %n conversations now</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Counterpart::Ui::ScorecardPanel</name>
    <message numerus="yes">
        <source>%n severe</source>
        <translation>
            <numerusform>%n severe</numerusform>
            <numerusform>%n severe</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Counterpart::Ui::SearchPopup</name>
    <message numerus="yes">
        <source>%n result(s) · ↑↓ choose · Enter opens · Esc closes</source>
        <translation>
            <numerusform>%n result · ↑↓ choose · Enter opens · Esc closes</numerusform>
            <numerusform>%n results · ↑↓ choose · Enter opens · Esc closes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Counterpart::Ui::SyncStatusWidget</name>
    <message numerus="yes">
        <source>Sign-in needed: %1 — %n change(s) kept</source>
        <translation>
            <numerusform>Sign-in needed: %1 — %n change kept</numerusform>
            <numerusform>Sign-in needed: %1 — %n changes kept</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Offline — %n change(s) waiting</source>
        <translation>
            <numerusform>Offline — %n change waiting</numerusform>
            <numerusform>Offline — %n changes waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%n change waiting to be sent</numerusform>
            <numerusform>%n changes waiting to be sent</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Counterpart::Ui::TemplateManagerDialog</name>
    <message numerus="yes">
        <source>Exported %n template(s).</source>
        <translation>
            <numerusform>Exported %n template.</numerusform>
            <numerusform>Exported %n templates.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n template(s).</source>
        <translation>
            <numerusform>Imported %n template.</numerusform>
            <numerusform>Imported %n templates.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n canned response(s).</source>
        <translation>
            <numerusform>Imported %n canned response.</numerusform>
            <numerusform>Imported %n canned responses.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Counterpart::Ui::ToneFindingsPanel</name>
    <message numerus="yes">
        <source>Tone (%n)</source>
        <translation>
            <numerusform>Tone (%n)</numerusform>
            <numerusform>Tone (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Counterpart::Ui::TriageController</name>
    <message numerus="yes">
        <source>%n conversation(s) resolved</source>
        <translation>
            <numerusform>%n conversation resolved</numerusform>
            <numerusform>%n conversations resolved</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NotificationRules</name>
    <message numerus="yes">
        <source>%n conversation needs you</source>
        <translation>
            <numerusform>%n conversation needs you</numerusform>
            <numerusform>%n conversation needs you</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conversations need you</source>
        <translation>
            <numerusform>%n conversations need you</numerusform>
            <numerusform>%n conversations need you</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n newly assigned to you</source>
        <translation>
            <numerusform>%n newly assigned to you</numerusform>
            <numerusform>%n newly assigned to you</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n with a new customer reply</source>
        <translation>
            <numerusform>%n with a new customer reply</numerusform>
            <numerusform>%n with a new customer reply</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n with new customer replies</source>
        <translation>
            <numerusform>%n with new customer replies</numerusform>
            <numerusform>%n with new customer replies</numerusform>
        </translation>
    </message>
</context>
</TS>