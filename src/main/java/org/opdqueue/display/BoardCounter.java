package org.opdqueue.display;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A counter or room whose calls a board shows. */
@Entity
@Table(name = "board_counter")
@IdClass(BoardCounter.Key.class)
public class BoardCounter extends PanacheEntityBase {

    @Id
    @Column(name = "board_id")
    public Long boardId;

    @Id
    @Column(name = "counter_id")
    public Long counterId;

    public String facility;

    public static BoardCounter of(String facility, Long boardId, Long counterId) {
        BoardCounter link = new BoardCounter();
        link.facility = facility;
        link.boardId = boardId;
        link.counterId = counterId;
        return link;
    }

    public static class Key implements Serializable {
        public Long boardId;
        public Long counterId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(boardId, k.boardId) && Objects.equals(counterId, k.counterId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(boardId, counterId);
        }
    }
}
