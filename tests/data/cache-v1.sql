-- cache.sqlite as schema version 1 wrote it (before the search index), with a few rows
-- in Greek and Chinese. TestMigrations loads it statement by statement and upgrades it.
-- Never regenerate it from the current schema: it stands for files already on disk.
CREATE TABLE agents (id INTEGER PRIMARY KEY, source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE, remote_id INTEGER NOT NULL, name TEXT NOT NULL, email TEXT NOT NULL DEFAULT '', role TEXT NOT NULL DEFAULT 'agent', availability TEXT NOT NULL DEFAULT 'offline', UNIQUE(source_id, remote_id));
INSERT INTO "agents" VALUES(1,1,21,'Νίκος Agent','nikos@help.example.com','agent','offline');
CREATE TABLE canned_responses (id INTEGER PRIMARY KEY, source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE, remote_id INTEGER NOT NULL, short_code TEXT NOT NULL, content TEXT NOT NULL, UNIQUE(source_id, remote_id));
CREATE TABLE contacts (id INTEGER PRIMARY KEY, source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE, remote_id INTEGER NOT NULL, name TEXT NOT NULL DEFAULT '', email TEXT NOT NULL DEFAULT '', phone TEXT NOT NULL DEFAULT '', language TEXT NOT NULL DEFAULT '', timezone TEXT NOT NULL DEFAULT '', location TEXT NOT NULL DEFAULT '', company TEXT NOT NULL DEFAULT '', custom_attributes TEXT NOT NULL DEFAULT '{}', created_at INTEGER NOT NULL DEFAULT 0, last_activity_at INTEGER NOT NULL DEFAULT 0, UNIQUE(source_id, remote_id));
INSERT INTO "contacts" VALUES(1,1,31,'Ελένη Γεωργίου','eleni@example.gr','+30 210 555 0199','el','','','','{}',0,0);
INSERT INTO "contacts" VALUES(2,1,32,'李娜','lina@example.cn','+86 21 5555 0188','zh-Hans','','','','{}',0,0);
INSERT INTO "contacts" VALUES(3,1,33,'張偉','zhang@example.tw','','zh-Hant','','','','{}',0,0);
CREATE TABLE conversation_labels (conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE, label TEXT NOT NULL, PRIMARY KEY(conversation_id, label)) WITHOUT ROWID;
CREATE TABLE conversations (id INTEGER PRIMARY KEY, source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE, remote_id INTEGER NOT NULL, inbox_id INTEGER NOT NULL REFERENCES inboxes(id), contact_id INTEGER REFERENCES contacts(id), assignee_id INTEGER REFERENCES agents(id), team_id INTEGER REFERENCES teams(id), status TEXT NOT NULL DEFAULT 'open', priority INTEGER NOT NULL DEFAULT 0, subject TEXT NOT NULL DEFAULT '', preview TEXT NOT NULL DEFAULT '', unread_count INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL DEFAULT 0, last_activity_at INTEGER NOT NULL DEFAULT 0, waiting_since INTEGER, first_reply_at INTEGER, snoozed_until INTEGER, csat_rating INTEGER NOT NULL DEFAULT 0, csat_comment TEXT NOT NULL DEFAULT '', custom_attributes TEXT NOT NULL DEFAULT '{}', UNIQUE(source_id, remote_id));
INSERT INTO "conversations" VALUES(1,1,41,1,1,NULL,NULL,'open',0,'Παραγγελία 5521','Καλημέρα, πού είναι η παραγγελία μου;',0,1709283600,1709283660,NULL,NULL,NULL,0,'','{}');
INSERT INTO "conversations" VALUES(2,1,42,2,2,NULL,NULL,'pending',0,'','我想申请退款',0,1709287200,1709287260,NULL,NULL,NULL,0,'','{}');
INSERT INTO "conversations" VALUES(3,1,43,2,3,NULL,NULL,'resolved',0,'','我要退貨',0,1709290800,1709290800,NULL,NULL,NULL,0,'','{}');
CREATE TABLE inboxes (id INTEGER PRIMARY KEY, source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE, remote_id INTEGER NOT NULL, name TEXT NOT NULL, channel TEXT NOT NULL, timezone TEXT NOT NULL DEFAULT '', address TEXT NOT NULL DEFAULT '', UNIQUE(source_id, remote_id));
INSERT INTO "inboxes" VALUES(1,1,11,'Email','email','','');
INSERT INTO "inboxes" VALUES(2,1,12,'WhatsApp','whatsapp','','');
CREATE TABLE labels (id INTEGER PRIMARY KEY, source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE, remote_id INTEGER NOT NULL, title TEXT NOT NULL, description TEXT NOT NULL DEFAULT '', color TEXT NOT NULL DEFAULT '', UNIQUE(source_id, remote_id), UNIQUE(source_id, title));
CREATE TABLE messages (id INTEGER PRIMARY KEY, source_id INTEGER NOT NULL, remote_id INTEGER NOT NULL, conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE, kind TEXT NOT NULL, sender_kind TEXT NOT NULL, sender_id INTEGER, sender_name TEXT NOT NULL DEFAULT '', text TEXT NOT NULL DEFAULT '', html TEXT NOT NULL DEFAULT '', attachments TEXT NOT NULL DEFAULT '', created_at INTEGER NOT NULL, delivery TEXT NOT NULL DEFAULT 'sent', echo_id TEXT NOT NULL DEFAULT '', UNIQUE(source_id, remote_id));
INSERT INTO "messages" VALUES(7169255040614401,1,51,1,'incoming','contact',1,'','Καλημέρα, πού είναι η παραγγελία μου;','','',1709283600,'sent','');
INSERT INTO "messages" VALUES(7169255292272642,1,52,1,'outgoing','agent',1,'Νίκος Agent','Καλημερα σας, η αποστολή έφυγε χθες.','','',1709283660,'sent','');
INSERT INTO "messages" VALUES(7169270140108803,1,53,2,'incoming','contact',2,'','我想申请退款','','',1709287200,'sent','');
INSERT INTO "messages" VALUES(7169285239603204,1,54,3,'incoming','contact',3,'','我要退貨','','',1709290800,'sent','');
CREATE TABLE sources (id INTEGER PRIMARY KEY, uid TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, name TEXT NOT NULL DEFAULT '', base_url TEXT NOT NULL DEFAULT '', account_id INTEGER NOT NULL DEFAULT 0, me_agent_id INTEGER);
INSERT INTO "sources" VALUES(1,'chatwoot:help.example.com#3','chatwoot','Help desk','https://help.example.com',3,NULL);
CREATE TABLE sync_state (source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE, key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY(source_id, key)) WITHOUT ROWID;
CREATE TABLE teams (id INTEGER PRIMARY KEY, source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE, remote_id INTEGER NOT NULL, name TEXT NOT NULL, UNIQUE(source_id, remote_id));
CREATE INDEX conversations_by_activity ON conversations(last_activity_at DESC, id DESC);
CREATE INDEX conversations_by_status ON conversations(status, last_activity_at DESC);
CREATE INDEX conversations_by_contact ON conversations(contact_id, last_activity_at DESC);
CREATE INDEX conversations_by_inbox ON conversations(inbox_id, status);
CREATE INDEX conversations_by_assignee ON conversations(assignee_id, status);
CREATE INDEX conversation_labels_by_label ON conversation_labels(label);
CREATE INDEX messages_by_conversation ON messages(conversation_id, id);
PRAGMA user_version=1;
