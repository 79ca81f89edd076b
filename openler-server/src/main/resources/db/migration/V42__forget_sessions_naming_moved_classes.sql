-- The signed-in person's principal moved from the identity package to kernel (issue 13). Sessions and OAuth
-- authorizations stored before the move name the old class in their serialized form and could no longer be read:
-- forget them, so everyone signs in again once instead of meeting an error. Machine clients' tokens do not name
-- the class and stay.
delete from spring_session;
delete from oauth2_authorization where attributes like '%org.openler.platform.identity.%';
