package org.openler.platform.talent.index;

/** The embedded Lucene index passes the talent index contract. */
class LuceneTalentIndexTests extends TalentIndexContract {

    @Override
    protected TalentIndex newIndex() {
        return LuceneTalentIndex.inMemory();
    }
}
